namespace IopTelehealth.Contracts.Clinic;

/// <summary>
/// CRUD over one kind of record of the caller's clinic. Implementations authorize by role and clinic: a record of
/// another clinic is reported as <see cref="ApiStatus.NotFound"/>, never as forbidden, so ids cannot be probed.
/// </summary>
public interface IClinicResourceApi<TDto, in TInput>
{
    Task<ApiResult<IReadOnlyList<TDto>>> ListAsync(CancellationToken cancellationToken = default);

    Task<ApiResult<TDto>> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<ApiResult<TDto>> CreateAsync(TInput input, CancellationToken cancellationToken = default);

    Task<ApiResult<TDto>> UpdateAsync(Guid id, TInput input, CancellationToken cancellationToken = default);

    Task<ApiResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}

public interface IProgramsApi : IClinicResourceApi<ProgramDto, ProgramInput>;

public interface IGroupsApi : IClinicResourceApi<GroupDto, GroupInput>
{
    Task<ApiResult<IReadOnlyList<SessionDto>>> ListSessionsAsync(Guid groupId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}

public interface ISchedulesApi : IClinicResourceApi<ScheduleDto, ScheduleInput>;

public interface IEnrollmentsApi : IClinicResourceApi<EnrollmentDto, EnrollmentInput>;

public interface IPatientsApi : IClinicResourceApi<PatientDto, PatientInput>
{
    /// <summary>A link that lets the patient choose a password (first sign-in or reset). Audited.</summary>
    Task<ApiResult<InviteDto>> IssueInviteAsync(Guid id, CancellationToken cancellationToken = default);
}

public interface IStaffApi : IClinicResourceApi<StaffDto, StaffInput>
{
    Task<ApiResult<InviteDto>> IssueInviteAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Turns off the staff member's authenticator; they enrol again at next sign-in. Audited.</summary>
    Task<ApiResult<bool>> ResetMfaAsync(Guid id, CancellationToken cancellationToken = default);
}

/// <summary>What the signed-in user sees on their home page.</summary>
public interface IHomeApi
{
    Task<ApiResult<PatientHomeDto>> GetPatientHomeAsync(CancellationToken cancellationToken = default);

    Task<ApiResult<TherapistHomeDto>> GetTherapistHomeAsync(CancellationToken cancellationToken = default);
}
