using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Domain.Rooms;

/// <summary>A row of the check-in roster: an enrolled patient (by alias) and where they are now.</summary>
public sealed record RosterEntry(Guid UserId, string Alias, RosterStatus Status);

public enum RosterStatus
{
    Absent = 0,
    Remote = 1,
    InClinic = 2,
    Waiting = 3,
}

public sealed record CheckInRoster(SessionFacts Session, RoomPhase Phase, IReadOnlyList<RosterEntry> Patients);

/// <summary>
/// Hybrid clinic use cases: the staff roster (check in / check out by hand) and the patient's scan of the room's code.
/// Staff means clinic staff or admin, or a therapist leading the group; patients must be enrolled in the session's group.
/// Every check-in, check-out and refusal is audited (ids only).
/// </summary>
public sealed partial class RoomService
{
    public async Task<CheckInRoster> RosterAsync(RoomCaller caller, SessionId sessionId, CancellationToken cancellationToken = default)
    {
        var session = await AuthorizeCheckInStaffAsync(caller, sessionId, cancellationToken);
        var patients = await sessions.ListEnrolledAsync(session, cancellationToken);
        var state = await rooms.GetAsync(sessionId, cancellationToken);
        var phase = state?.Phase ?? (clock.GetUtcNow() >= session.ScheduledStart - settings.AutoOpenLead ? RoomPhase.Open : RoomPhase.Scheduled);
        return new CheckInRoster(session, phase, [.. patients.Select(p => new RosterEntry(p.UserId, p.Alias, StatusOf(state?.FindByUser(p.UserId))))]);
    }

    public async Task<CheckInResult> CheckInByStaffAsync(RoomCaller caller, SessionId sessionId, Guid patientUserId, CancellationToken cancellationToken = default)
    {
        var session = await AuthorizeCheckInStaffAsync(caller, sessionId, cancellationToken);
        var patient = await EnrolledPatientAsync(caller, session, patientUserId, cancellationToken);
        var now = clock.GetUtcNow();
        return await CheckInChangeAsync(caller, session, patientUserId, "staff", () => NewRoom(session), room =>
        {
            OpenIfDue(room, now);
            return room.CheckIn(new CheckInRequest(patientUserId, patient.DisplayName), now);
        }, cancellationToken);
    }

    public async Task<CheckInResult> CheckOutByStaffAsync(RoomCaller caller, SessionId sessionId, Guid patientUserId, CancellationToken cancellationToken = default)
    {
        var session = await AuthorizeCheckInStaffAsync(caller, sessionId, cancellationToken);
        var now = clock.GetUtcNow();
        return await CheckInChangeAsync(caller, session, patientUserId, "staff",
            () => throw new RoomException(RoomErrors.NotCheckedIn, "This patient is not checked in at the clinic."),
            room => room.CheckOut(patientUserId, now), cancellationToken);
    }

    /// <summary>The patient scanned the room's code (already verified by the host: signature, session, expiry).</summary>
    public async Task<CheckInResult> ScanAsync(RoomCaller caller, CheckInCode code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(code);
        if (!caller.Roles.Contains(Roles.Patient))
        {
            await AuditCheckInAsync(caller, code.SessionId, AuditActions.CheckInRefused, AuditOutcome.Denied, $"code:{RoomErrors.Forbidden}", cancellationToken);
            throw new RoomException(RoomErrors.Forbidden, "Only patients check in by scanning; staff use the roster.");
        }

        var (session, member) = await AuthorizeAsync(caller, code.SessionId, cancellationToken);
        var now = clock.GetUtcNow();
        return await CheckInChangeAsync(caller, session, caller.UserId, "scan", () => NewRoom(session), room =>
        {
            OpenIfDue(room, now);
            return room.Scan(new CheckInRequest(caller.UserId, member.DisplayName), code, now);
        }, cancellationToken);
    }

    /// <summary>
    /// The room device asks for a check-in code: it must be in the room as that session's room device, and the room must be open.
    /// </summary>
    public async Task RequireRoomDeviceAsync(RoomCaller caller, SessionId sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (_, member) = await AuthorizeAsync(caller, sessionId, cancellationToken);
        var state = await rooms.GetAsync(sessionId, cancellationToken);
        if (member.Role == ParticipantRole.RoomDevice && state?.Phase == RoomPhase.Ended)
        {
            throw new RoomException(RoomErrors.RoomEnded, "This session has ended.");
        }

        if (member.Role != ParticipantRole.RoomDevice || state?.FindByUser(caller.UserId) is not { IsPresent: true })
        {
            await AuditDeniedAsync(caller, AuditActions.Forbidden, sessionId, cancellationToken);
            throw new RoomException(RoomErrors.Forbidden, "Only the session's room device, joined to the room, shows check-in codes.");
        }
    }

    private async Task<CheckInResult> CheckInChangeAsync(RoomCaller caller, SessionFacts session, Guid patientUserId, string source,
        Func<RoomState> create, Func<Room, CheckInResult> change, CancellationToken cancellationToken)
    {
        RoomChange<CheckInResult> result;
        try
        {
            result = await rooms.ChangeAsync(session.Id, create, change, cancellationToken);
        }
        catch (RoomException e)
        {
            await AuditCheckInAsync(caller, session.Id, AuditActions.CheckInRefused, AuditOutcome.Failure, $"patient:{patientUserId}:{source}:{e.Code}", cancellationToken);
            throw;
        }

        if (result.Result.ClosedConnection is { } closed)
        {
            await presence.RemoveAsync(closed, cancellationToken);
        }

        await publisher.PublishAsync(result.State, result.Events, cancellationToken);
        var (action, what) = result.Result.Change switch
        {
            CheckInChange.CheckedOut => (AuditActions.CheckedOut, "checked-out"),
            CheckInChange.SwitchedFromRemote => (AuditActions.CheckedIn, "from-remote"),
            _ => (AuditActions.CheckedIn, "checked-in"),
        };
        await AuditCheckInAsync(caller, session.Id, action, AuditOutcome.Success, $"patient:{patientUserId}:{source}:{what}", cancellationToken);
        return result.Result;
    }

    private async Task<SessionFacts> AuthorizeCheckInStaffAsync(RoomCaller caller, SessionId sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (session, member) = await AuthorizeAsync(caller, sessionId, cancellationToken);
        var allowed = member.Role == ParticipantRole.Therapist || caller.Roles.Contains(Roles.Staff) || caller.Roles.Contains(Roles.Admin);
        if (!allowed)
        {
            await AuditDeniedAsync(caller, AuditActions.Forbidden, sessionId, cancellationToken);
            throw new RoomException(RoomErrors.Forbidden, "Only clinic staff and the group's therapists check patients in.");
        }

        return session;
    }

    private async Task<RoomMember> EnrolledPatientAsync(RoomCaller caller, SessionFacts session, Guid patientUserId, CancellationToken cancellationToken)
    {
        var patient = await sessions.ResolveMemberAsync(session, new RoomCaller(patientUserId, session.ClinicId, new HashSet<string> { Roles.Patient }), cancellationToken);
        if (patient is not { Role: ParticipantRole.Patient })
        {
            await AuditCheckInAsync(caller, session.Id, AuditActions.CheckInRefused, AuditOutcome.Denied, $"patient:{patientUserId}:staff:{RoomErrors.NotEnrolled}", cancellationToken);
            throw new RoomException(RoomErrors.NotEnrolled, "That patient is not enrolled in this group.");
        }

        return patient;
    }

    private Task AuditCheckInAsync(RoomCaller caller, SessionId sessionId, string action, AuditOutcome outcome, string detail, CancellationToken cancellationToken) =>
        audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), action, outcome, caller.UserId, caller.ClinicId, null, "session", sessionId.ToString(), detail), cancellationToken);

    private static RosterStatus StatusOf(RoomParticipant? participant) => participant switch
    {
        { InClinic: true } => RosterStatus.InClinic,
        { IsPresent: true } => RosterStatus.Remote,
        { IsConnected: true, Admission: Admission.Lobby } => RosterStatus.Waiting,
        _ => RosterStatus.Absent,
    };
}
