using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Identity;
using IopTelehealth.Server.Rooms;
using Microsoft.Extensions.Options;
using QRCoder;

namespace IopTelehealth.Server.Hybrid;

/// <summary>
/// <see cref="ICheckInApi"/> for the current request's caller (bearer token or web session): the HTTP API and the pages
/// both come through here, and every rule (role, clinic, enrollment, code) is the room service's.
/// </summary>
internal sealed class CheckInService(RoomService rooms, CheckInCodeProtector codes, IHttpContextAccessor http, IOptions<IdentitySettings> identity,
    IOptions<HybridSettings> settings) : ICheckInApi
{
    public Task<ApiResult<CheckInRosterDto>> RosterAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        RunAsync(async caller =>
        {
            var roster = await rooms.RosterAsync(caller, new SessionId(sessionId), cancellationToken);
            var s = roster.Session;
            return new CheckInRosterDto(sessionId, s.GroupName, s.Topic, s.ScheduledStart, s.ScheduledEnd, RoomViews.Phase(roster.Phase),
                [.. roster.Patients.Select(p => new CheckInPatientDto(p.UserId, p.Alias, Status(p.Status)))]);
        });

    public Task<ApiResult<CheckInResultDto>> CheckInAsync(Guid sessionId, Guid patientUserId, CancellationToken cancellationToken = default) =>
        RunAsync(async caller => Result(sessionId, await rooms.CheckInByStaffAsync(caller, new SessionId(sessionId), patientUserId, cancellationToken)));

    public Task<ApiResult<CheckInResultDto>> CheckOutAsync(Guid sessionId, Guid patientUserId, CancellationToken cancellationToken = default) =>
        RunAsync(async caller => Result(sessionId, await rooms.CheckOutByStaffAsync(caller, new SessionId(sessionId), patientUserId, cancellationToken)));

    public Task<ApiResult<CheckInResultDto>> ScanAsync(Guid sessionId, string? token, CancellationToken cancellationToken = default) =>
        RunAsync(async caller =>
        {
            var code = codes.Read(token, new SessionId(sessionId));
            return Result(sessionId, await rooms.ScanAsync(caller, code, cancellationToken));
        });

    public Task<ApiResult<CheckInCodeDto>> CodeAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        RunAsync(async caller =>
        {
            await rooms.RequireRoomDeviceAsync(caller, new SessionId(sessionId), cancellationToken);
            var (token, code) = codes.Issue(new SessionId(sessionId));
            var url = new Uri(identity.Value.Issuer!, $"check-in?s={sessionId}&t={token}").ToString();
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            return new CheckInCodeDto(url, new SvgQRCode(data).GetGraphic(6), code.ExpiresAt, (int)settings.Value.CodeRotation.TotalSeconds);
        });

    /// <summary>Runs one use case for the signed-in caller; a refusal becomes a result carrying its stable code.</summary>
    private async Task<ApiResult<T>> RunAsync<T>(Func<Domain.Rooms.Ports.RoomCaller, Task<T>> work)
    {
        if (RoomCallers.From(http.HttpContext?.User) is not { } caller)
        {
            return Refused<T>(RoomErrors.Forbidden, "Sign in again.");
        }

        try
        {
            return ApiResult<T>.Ok(await work(caller));
        }
        catch (RoomException e)
        {
            return Refused<T>(e.Code, e.Message);
        }
    }

    private static ApiResult<T> Refused<T>(string code, string message) => new(StatusOf(code), Errors: new Dictionary<string, string[]> { ["code"] = [code] },
        Message: message);

    private static ApiStatus StatusOf(string code) => code switch
    {
        RoomErrors.SessionNotFound => ApiStatus.NotFound,
        RoomErrors.Forbidden or RoomErrors.NotEnrolled or RoomErrors.Banned => ApiStatus.Forbidden,
        RoomErrors.TokenInvalid or RoomErrors.TokenExpired or RoomErrors.TokenWrongSession or RoomErrors.TokenUsed or RoomErrors.InvalidArgument => ApiStatus.Invalid,
        _ => ApiStatus.Conflict,
    };

    private static CheckInResultDto Result(Guid sessionId, CheckInResult result) => new(sessionId, result.Participant.UserId, result.Participant.DisplayName,
        result.Change switch
        {
            CheckInChange.CheckedOut => CheckInChanges.CheckedOut,
            CheckInChange.SwitchedFromRemote => CheckInChanges.SwitchedFromRemote,
            _ => CheckInChanges.CheckedIn,
        });

    private static string Status(RosterStatus status) => status switch
    {
        RosterStatus.InClinic => CheckInStatuses.InClinic,
        RosterStatus.Remote => CheckInStatuses.Remote,
        RosterStatus.Waiting => CheckInStatuses.Waiting,
        _ => CheckInStatuses.Absent,
    };
}
