using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Attendance;

namespace IopTelehealth.Web.Tests.Fakes;

/// <summary>The attendance port with the group dashboard's answer set by the test; the other pages' calls are not used here.</summary>
public sealed class FakeAttendanceApi : IAttendanceApi
{
    public ApiResult<GroupDashboardDto> Dashboard { get; set; } = ApiResult<GroupDashboardDto>.NotFound();

    public Task<ApiResult<GroupDashboardDto>> GroupDashboardAsync(Guid groupId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default) =>
        Task.FromResult(Dashboard);

    public Task<ApiResult<SessionRosterDto>> GetRosterAsync(Guid sessionId, CancellationToken cancellationToken = default) => throw Unused();

    public Task<ApiResult<SessionRosterDto>> SetExcuseAsync(Guid sessionId, Guid patientId, ExcuseInput input, CancellationToken cancellationToken = default) =>
        throw Unused();

    public Task<ApiResult<SessionRosterDto>> SignOffAsync(Guid sessionId, CancellationToken cancellationToken = default) => throw Unused();

    public Task<ApiResult<PatientWeeksDto>> PatientWeeksAsync(Guid patientId, int weeks, CancellationToken cancellationToken = default) => throw Unused();

    public Task<ApiResult<PatientWeeksDto>> OwnWeeksAsync(int weeks, CancellationToken cancellationToken = default) => throw Unused();

    public Task<ApiResult<IReadOnlyList<FollowUpDto>>> FollowUpsAsync(bool includeClosed, CancellationToken cancellationToken = default) => throw Unused();

    public Task<ApiResult<FollowUpDto>> AddContactAsync(Guid followUpId, ContactInput input, CancellationToken cancellationToken = default) => throw Unused();

    public Task<ApiResult<FollowUpDto>> CloseFollowUpAsync(Guid followUpId, CloseFollowUpInput input, CancellationToken cancellationToken = default) => throw Unused();

    private static NotSupportedException Unused() => new("Not set up for this test.");
}
