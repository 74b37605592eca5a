using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;

namespace IopTelehealth.Web.Tests.Fakes;

/// <summary>
/// An in-memory stand-in for one of our own clinic ports. Pages are tested against what the port promises
/// (ApiResult statuses and field errors), so a test sets the answer it needs and reads what the page sent.
/// </summary>
public class FakeResourceApi<TDto, TInput>(Func<TDto, Guid> idOf) : IClinicResourceApi<TDto, TInput>
    where TDto : class
{
    public List<TDto> Items { get; } = [];

    /// <summary>Overrides the list answer (e.g. Forbidden).</summary>
    public ApiResult<IReadOnlyList<TDto>>? ListAnswer { get; set; }

    /// <summary>The answer to create and update; by default Ok with the first item.</summary>
    public Func<TInput, ApiResult<TDto>>? SaveAnswer { get; set; }

    public List<TInput> Created { get; } = [];

    public List<(Guid Id, TInput Input)> Updated { get; } = [];

    public Task<ApiResult<IReadOnlyList<TDto>>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(ListAnswer ?? ApiResult<IReadOnlyList<TDto>>.Ok([.. Items]));

    public Task<ApiResult<TDto>> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Items.FirstOrDefault(i => idOf(i) == id) is { } item ? ApiResult<TDto>.Ok(item) : ApiResult<TDto>.NotFound());

    public Task<ApiResult<TDto>> CreateAsync(TInput input, CancellationToken cancellationToken = default)
    {
        Created.Add(input);
        return Task.FromResult(Answer(input));
    }

    public Task<ApiResult<TDto>> UpdateAsync(Guid id, TInput input, CancellationToken cancellationToken = default)
    {
        Updated.Add((id, input));
        return Task.FromResult(Answer(input));
    }

    public Task<ApiResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult(ApiResult<bool>.Ok(Items.RemoveAll(i => idOf(i) == id) > 0));

    private ApiResult<TDto> Answer(TInput input) =>
        SaveAnswer?.Invoke(input) ?? (Items.Count > 0 ? ApiResult<TDto>.Ok(Items[0]) : ApiResult<TDto>.Conflict("No item to answer with."));
}

public sealed class FakeProgramsApi() : FakeResourceApi<ProgramDto, ProgramInput>(p => p.Id), IProgramsApi;

public sealed class FakeGroupsApi() : FakeResourceApi<GroupDto, GroupInput>(g => g.Id), IGroupsApi
{
    public Task<ApiResult<IReadOnlyList<SessionDto>>> ListSessionsAsync(Guid groupId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Task.FromResult(ApiResult<IReadOnlyList<SessionDto>>.Ok([]));
}

public sealed class FakeSchedulesApi() : FakeResourceApi<ScheduleDto, ScheduleInput>(s => s.Id), ISchedulesApi;

public sealed class FakeEnrollmentsApi() : FakeResourceApi<EnrollmentDto, EnrollmentInput>(e => e.Id), IEnrollmentsApi;

public sealed class FakePatientsApi() : FakeResourceApi<PatientDto, PatientInput>(p => p.Id), IPatientsApi
{
    public ApiResult<InviteDto> InviteAnswer { get; set; } = ApiResult<InviteDto>.Ok(TestData.Invite);

    public List<Guid> Invited { get; } = [];

    public Task<ApiResult<InviteDto>> IssueInviteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Invited.Add(id);
        return Task.FromResult(InviteAnswer);
    }
}

public sealed class FakeStaffApi() : FakeResourceApi<StaffDto, StaffInput>(s => s.Id), IStaffApi
{
    public List<Guid> Invited { get; } = [];

    public List<Guid> MfaResets { get; } = [];

    public Task<ApiResult<InviteDto>> IssueInviteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Invited.Add(id);
        return Task.FromResult(ApiResult<InviteDto>.Ok(TestData.Invite));
    }

    public Task<ApiResult<bool>> ResetMfaAsync(Guid id, CancellationToken cancellationToken = default)
    {
        MfaResets.Add(id);
        return Task.FromResult(ApiResult<bool>.Ok(true));
    }
}

public sealed class FakeHomeApi : IHomeApi
{
    public ApiResult<PatientHomeDto> Patient { get; set; } = ApiResult<PatientHomeDto>.Forbidden();

    public ApiResult<TherapistHomeDto> Therapist { get; set; } = ApiResult<TherapistHomeDto>.Forbidden();

    public Task<ApiResult<PatientHomeDto>> GetPatientHomeAsync(CancellationToken cancellationToken = default) => Task.FromResult(Patient);

    public Task<ApiResult<TherapistHomeDto>> GetTherapistHomeAsync(CancellationToken cancellationToken = default) => Task.FromResult(Therapist);
}

/// <summary>A clock that stands still, so "happening now" is decided by the test.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
