using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Tests.Rooms;

public sealed class HybridCheckInTests
{
    private readonly RoomServiceHarness _h = new();

    private static CancellationToken Ct => RoomServiceHarness.Ct;

    private CheckInCode Code(string nonce = "n1") =>
        new(_h.SessionId, nonce, _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow().AddSeconds(45));

    [Fact]
    public async Task Staff_check_in_puts_the_patient_in_the_room_in_person_and_opens_an_in_person_interval()
    {
        var patient = _h.Patient("Sky");

        var result = await _h.Service.CheckInByStaffAsync(_h.Staff(), _h.SessionId, patient.UserId, Ct);

        Assert.Equal(CheckInChange.CheckedIn, result.Change);
        var inRoom = (await _h.RoomAsync()).FindByUser(patient.UserId)!;
        Assert.True(inRoom.InClinic);
        Assert.True(inRoom.IsPresent);
        Assert.Null(inRoom.ConnectionId);
        Assert.Equal("Sky", inRoom.DisplayName);
        var interval = Assert.Single(_h.Ledger.Of(_h.SessionId, patient.UserId));
        Assert.Equal(AttendanceMode.InPerson, interval.Mode);
        Assert.True(interval.IsOpen);
        Assert.Contains(_h.Audit.Entries, a => a.Action == AuditActions.CheckedIn && a.Outcome == AuditOutcome.Success && a.Detail!.Contains(patient.UserId.ToString(), StringComparison.Ordinal));
        var roster = await _h.Service.RosterAsync(_h.Staff(), _h.SessionId, Ct);
        Assert.Equal(RosterStatus.InClinic, roster.Patients.Single(p => p.UserId == patient.UserId).Status);
    }

    [Fact]
    public async Task A_connected_patient_who_checks_in_leaves_remotely_and_is_in_the_clinic_from_that_instant()
    {
        var therapist = await _h.JoinAsync(_h.Therapist());
        var remote = await _h.AdmittedAsync(therapist, "River");
        var joinedAt = _h.Clock.GetUtcNow();
        _h.Clock.Advance(TimeSpan.FromMinutes(10));
        var checkInAt = _h.Clock.GetUtcNow();

        var result = await _h.Service.CheckInByStaffAsync(_h.Staff(), _h.SessionId, remote.Caller.UserId, Ct);

        Assert.Equal(CheckInChange.SwitchedFromRemote, result.Change);
        Assert.Equal(remote.ConnectionId, result.ClosedConnection);
        Assert.Null(await _h.Presence.GetAsync(remote.ConnectionId, Ct));
        var participant = (await _h.RoomAsync()).Find(remote.ParticipantId)!;
        Assert.True(participant.InClinic);
        Assert.Null(participant.ConnectionId);
        // The phone is told why it left (checked in at the clinic), not that another device of theirs took over.
        var replaced = Assert.Single(_h.Notifier.Events.OfType<ConnectionReplaced>());
        Assert.Equal((remote.ConnectionId, remote.ParticipantId, true), (replaced.OldConnectionId, replaced.ParticipantId, replaced.CheckedInAtClinic));
        Assert.Contains(_h.Notifier.Events, e => e is ParticipantUpdated u && u.ParticipantId == remote.ParticipantId);
        var intervals = _h.Ledger.Of(_h.SessionId, remote.Caller.UserId);
        Assert.Equal(2, intervals.Count);
        Assert.Equal((AttendanceMode.Video, joinedAt, checkInAt, AttendanceEndReason.ModeChanged),
            (intervals[0].Mode, intervals[0].Start, intervals[0].End!.Value, intervals[0].EndReason!.Value));
        Assert.Equal((AttendanceMode.InPerson, checkInAt, true), (intervals[1].Mode, intervals[1].Start, intervals[1].IsOpen));

        // The phone's late goodbye changes nothing: it no longer holds the participant.
        await _h.Service.LeaveAsync(remote, Ct);
        Assert.True((await _h.RoomAsync()).Find(remote.ParticipantId)!.InClinic);
        Assert.True(_h.Ledger.Of(_h.SessionId, remote.Caller.UserId)[^1].IsOpen);
    }

    [Fact]
    public async Task A_patient_waiting_in_the_lobby_who_checks_in_leaves_the_lobby_and_their_phone_is_told_it_is_at_the_clinic()
    {
        await _h.JoinAsync(_h.Therapist());
        var waiting = await _h.JoinAsync(_h.Patient("Sky"));
        Assert.Equal(Admission.Lobby, (await _h.RoomAsync()).Find(waiting.ParticipantId)!.Admission);

        var result = await _h.Service.CheckInByStaffAsync(_h.Staff(), _h.SessionId, waiting.Caller.UserId, Ct);

        Assert.Equal((CheckInChange.CheckedIn, waiting.ConnectionId), (result.Change, result.ClosedConnection));
        var replaced = Assert.Single(_h.Notifier.Events.OfType<ConnectionReplaced>());
        Assert.Equal((waiting.ConnectionId, true), (replaced.OldConnectionId, replaced.CheckedInAtClinic));
        var room = await _h.RoomAsync();
        Assert.Null(room.Find(waiting.ParticipantId));
        Assert.True(room.FindByUser(waiting.Caller.UserId)!.InClinic);
    }

    [Fact]
    public async Task A_patient_checked_in_at_the_clinic_cannot_also_join_remotely()
    {
        var patient = _h.Patient("Sky");
        await _h.Service.CheckInByStaffAsync(_h.Staff(), _h.SessionId, patient.UserId, Ct);

        var e = await Assert.ThrowsAsync<RoomException>(() => _h.JoinAsync(patient));

        Assert.Equal(RoomErrors.CheckedInAtClinic, e.Code);
        Assert.True((await _h.RoomAsync()).FindByUser(patient.UserId)!.InClinic);
    }

    [Fact]
    public async Task Scanning_checks_in_the_same_code_again_is_refused_and_a_new_code_checks_out()
    {
        var patient = _h.Patient("Sky");
        var first = Code("n1");

        Assert.Equal(CheckInChange.CheckedIn, (await _h.Service.ScanAsync(patient, first, Ct)).Change);
        var replay = await Assert.ThrowsAsync<RoomException>(() => _h.Service.ScanAsync(patient, first, Ct));
        Assert.Equal(RoomErrors.TokenUsed, replay.Code);
        Assert.True((await _h.RoomAsync()).FindByUser(patient.UserId)!.InClinic);

        _h.Clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(CheckInChange.CheckedOut, (await _h.Service.ScanAsync(patient, Code("n2"), Ct)).Change);

        Assert.Null((await _h.RoomAsync()).FindByUser(patient.UserId));
        var interval = Assert.Single(_h.Ledger.Of(_h.SessionId, patient.UserId));
        Assert.Equal((TimeSpan.FromMinutes(50), AttendanceEndReason.CheckedOut), (interval.End!.Value - interval.Start, interval.EndReason!.Value));
        Assert.Contains(_h.Notifier.Events, e => e is ParticipantLeft { Reason: LeaveReason.CheckedOut, InClinic: true });
        Assert.Contains(_h.Audit.Entries, a => a.Action == AuditActions.CheckInRefused && a.Detail!.EndsWith(RoomErrors.TokenUsed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_patients_can_use_the_same_code()
    {
        var code = Code("shared");

        await _h.Service.ScanAsync(_h.Patient("Sky"), code, Ct);
        await _h.Service.ScanAsync(_h.Patient("River"), code, Ct);

        Assert.Equal(2, (await _h.RoomAsync()).Participants.Count(p => p.InClinic));
    }

    [Fact]
    public async Task Used_codes_are_forgotten_once_expired()
    {
        await _h.Service.ScanAsync(_h.Patient("Sky"), Code("old"), Ct);
        _h.Clock.Advance(TimeSpan.FromMinutes(2));

        await _h.Service.ScanAsync(_h.Patient("River"), Code("new"), Ct);

        Assert.Equal(["new"], (await _h.RoomAsync()).UsedCheckInCodes.Select(c => c.Nonce));
    }

    [Fact]
    public async Task Staff_check_out_and_the_session_end_close_in_person_intervals()
    {
        var therapist = await _h.JoinAsync(_h.Therapist());
        var outByStaff = _h.Patient("Sky");
        var stays = _h.Patient("River");
        await _h.Service.CheckInByStaffAsync(_h.Staff(), _h.SessionId, outByStaff.UserId, Ct);
        await _h.Service.CheckInByStaffAsync(_h.Staff(), _h.SessionId, stays.UserId, Ct);
        _h.Clock.Advance(TimeSpan.FromMinutes(30));

        await _h.Service.CheckOutByStaffAsync(_h.Staff(), _h.SessionId, outByStaff.UserId, Ct);
        _h.Clock.Advance(TimeSpan.FromMinutes(30));
        await _h.Service.EndAsync(therapist, Ct);

        Assert.Equal(AttendanceEndReason.CheckedOut, Assert.Single(_h.Ledger.Of(_h.SessionId, outByStaff.UserId)).EndReason);
        var ended = Assert.Single(_h.Ledger.Of(_h.SessionId, stays.UserId));
        Assert.Equal((AttendanceEndReason.SessionEnded, TimeSpan.FromMinutes(60)), (ended.EndReason!.Value, ended.End!.Value - ended.Start));
        Assert.Contains(_h.Audit.Entries, a => a.Action == AuditActions.CheckedOut && a.Detail!.Contains(outByStaff.UserId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_therapist_removing_an_in_clinic_patient_closes_their_in_person_interval()
    {
        var therapist = await _h.JoinAsync(_h.Therapist());
        var patient = _h.Patient("Sky");
        var checkedIn = await _h.Service.CheckInByStaffAsync(_h.Staff(), _h.SessionId, patient.UserId, Ct);
        _h.Clock.Advance(TimeSpan.FromMinutes(5));

        await _h.Service.RemoveAsync(therapist, checkedIn.Participant.Id, banForSession: false, Ct);

        var interval = Assert.Single(_h.Ledger.Of(_h.SessionId, patient.UserId));
        Assert.Equal((AttendanceMode.InPerson, AttendanceEndReason.Removed, TimeSpan.FromMinutes(5)), (interval.Mode, interval.EndReason!.Value, interval.End!.Value - interval.Start));
    }

    [Fact]
    public async Task Refusals_name_their_code_and_change_nothing()
    {
        var staff = _h.Staff();
        var patient = _h.Patient("Sky");
        var stranger = new Domain.Rooms.Ports.RoomCaller(Guid.NewGuid(), _h.ClinicId, new HashSet<string> { Roles.Patient });

        Assert.Equal(RoomErrors.NotEnrolled, (await Assert.ThrowsAsync<RoomException>(() => _h.Service.CheckInByStaffAsync(staff, _h.SessionId, stranger.UserId, Ct))).Code);
        Assert.Equal(RoomErrors.NotEnrolled, (await Assert.ThrowsAsync<RoomException>(() => _h.Service.ScanAsync(stranger, Code(), Ct))).Code);
        Assert.Equal(RoomErrors.Forbidden, (await Assert.ThrowsAsync<RoomException>(() => _h.Service.CheckInByStaffAsync(patient, _h.SessionId, patient.UserId, Ct))).Code);
        Assert.Equal(RoomErrors.Forbidden, (await Assert.ThrowsAsync<RoomException>(() => _h.Service.ScanAsync(staff, Code(), Ct))).Code);
        Assert.Equal(RoomErrors.NotCheckedIn, (await Assert.ThrowsAsync<RoomException>(() => _h.Service.CheckOutByStaffAsync(staff, _h.SessionId, patient.UserId, Ct))).Code);

        var room = await _h.Rooms.GetAsync(_h.SessionId, Ct);
        Assert.DoesNotContain(room?.Participants ?? [], p => p.InClinic);
        Assert.Empty(_h.Ledger.Of(_h.SessionId, patient.UserId));
        Assert.Contains(_h.Audit.Entries, a => a.Action == AuditActions.Forbidden && a.UserId == patient.UserId);
    }

    [Fact]
    public async Task Check_in_is_refused_before_the_session_opens_and_after_it_ended()
    {
        var later = _h.Session with { Id = new SessionId(Guid.NewGuid()), ScheduledStart = _h.Clock.GetUtcNow().AddHours(5), ScheduledEnd = _h.Clock.GetUtcNow().AddHours(8) };
        _h.Sessions.Add(later);
        var patient = _h.Patient("Sky");

        var early = await Assert.ThrowsAsync<RoomException>(() => _h.Service.CheckInByStaffAsync(_h.Staff(), later.Id, patient.UserId, Ct));

        Assert.Equal(RoomErrors.RoomNotOpen, early.Code);
        var therapist = await _h.JoinAsync(_h.Therapist());
        await _h.Service.EndAsync(therapist, Ct);
        var ended = await Assert.ThrowsAsync<RoomException>(() => _h.Service.ScanAsync(patient, Code(), Ct));
        Assert.Equal(RoomErrors.RoomEnded, ended.Code);
    }
}
