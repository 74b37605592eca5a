using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using static IopTelehealth.Domain.Tests.Rooms.RoomServiceHarness;

namespace IopTelehealth.Domain.Tests.Rooms;

/// <summary>The room use cases over the in-memory stores: who gets in, what is recorded, what is told to whom, and in which order.</summary>
public sealed class RoomServiceTests
{
    private readonly RoomServiceHarness _rooms = new();

    [Fact]
    public async Task A_join_registers_presence_records_a_first_consent_and_tells_attendance_before_the_participants()
    {
        var therapist = await _rooms.JoinAsync(_rooms.Therapist());
        var newcomer = _rooms.Patient("River", acceptedConsent: null);

        var patient = await _rooms.JoinAsync(newcomer);
        await _rooms.Service.AdmitAsync(therapist, patient.ParticipantId, Ct);

        var presence = await _rooms.Presence.GetAsync(patient.ConnectionId, Ct);
        Assert.Equal((patient.ParticipantId, "node-a", _rooms.Clock.GetUtcNow()), (presence!.ParticipantId, presence.NodeId, presence.LastSeen));
        Assert.Equal([(newcomer.UserId, ConsentVersion, _rooms.Clock.GetUtcNow())], _rooms.Sessions.Consents);
        var admitted = _rooms.Order.FindIndex(o => o == "sink:ParticipantAdmitted");
        Assert.True(admitted >= 0 && admitted < _rooms.Order.LastIndexOf("notifier:ParticipantAdmitted"), string.Join(", ", _rooms.Order));
        Assert.Equal(RoomPhase.Live, (await _rooms.RoomAsync()).Phase);
    }

    [Fact]
    public async Task A_patient_without_the_current_consent_is_refused_before_the_room_is_touched()
    {
        var patient = _rooms.Patient("River", acceptedConsent: "2025-01");

        var refused = await Assert.ThrowsAsync<RoomException>(() => _rooms.JoinAsync(patient, attestation: Home with { AcceptedConsentVersion = null }));

        Assert.Equal(RoomErrors.ConsentRequired, refused.Code);
        Assert.Null(await _rooms.Rooms.GetAsync(_rooms.SessionId, Ct));
        Assert.Empty(_rooms.Sessions.Consents);
        Assert.Empty(_rooms.Order);
    }

    [Fact]
    public async Task Callers_without_a_place_are_refused_and_audited()
    {
        var foreign = new RoomCaller(Guid.NewGuid(), Guid.NewGuid(), new HashSet<string> { Roles.Admin });
        var stranger = new RoomCaller(Guid.NewGuid(), _rooms.ClinicId, new HashSet<string> { Roles.Patient });

        var otherClinic = await Assert.ThrowsAsync<RoomException>(() => _rooms.JoinAsync(foreign));
        var notEnrolled = await Assert.ThrowsAsync<RoomException>(() => _rooms.Service.PrepareJoinAsync(stranger, _rooms.SessionId, Ct));

        Assert.Equal(RoomErrors.SessionNotFound, otherClinic.Code);
        Assert.Equal(RoomErrors.NotEnrolled, notEnrolled.Code);
        Assert.Equal([(AuditActions.CrossClinicAccess, foreign.UserId), (AuditActions.Forbidden, stranger.UserId)],
            _rooms.Audit.Entries.Select(e => (e.Action, e.UserId!.Value)));
        Assert.All(_rooms.Audit.Entries, e => Assert.Equal(("session", _rooms.SessionId.ToString()), (e.TargetType, e.TargetId)));
        Assert.Null(await _rooms.Rooms.GetAsync(_rooms.SessionId, Ct));
    }

    [Fact]
    public async Task A_cancelled_session_is_not_found()
    {
        _rooms.Sessions.Replace(_rooms.Session with { Cancelled = true });

        var refused = await Assert.ThrowsAsync<RoomException>(() => _rooms.JoinAsync(_rooms.Therapist()));

        Assert.Equal(RoomErrors.SessionNotFound, refused.Code);
        Assert.Empty(_rooms.Audit.Entries);
    }

    [Fact]
    public async Task Prepare_join_reports_whether_the_lobby_is_open_before_any_room_exists()
    {
        var patient = _rooms.Patient("River", acceptedConsent: null);
        var early = await _rooms.Service.PrepareJoinAsync(patient, _rooms.SessionId, Ct);
        _rooms.Sessions.Replace(_rooms.Session with { ScheduledStart = _rooms.Clock.GetUtcNow() + _rooms.Settings.AutoOpenLead + TimeSpan.FromSeconds(1) });

        var tooEarly = await _rooms.Service.PrepareJoinAsync(patient, _rooms.SessionId, Ct);

        Assert.Equal((RoomPhase.Open, true), (early.Phase, early.ConsentRequired));
        Assert.Equal(RoomPhase.Scheduled, tooEarly.Phase);
        Assert.Null(await _rooms.Rooms.GetAsync(_rooms.SessionId, Ct));
    }

    [Fact]
    public async Task Opening_is_for_moderators_and_creates_the_room_open()
    {
        var patient = _rooms.Patient("River");

        var refused = await Assert.ThrowsAsync<RoomException>(() => _rooms.Service.OpenAsync(patient, _rooms.SessionId, Ct));
        Assert.Equal(RoomErrors.Forbidden, refused.Code);
        Assert.Null(await _rooms.Rooms.GetAsync(_rooms.SessionId, Ct));

        await _rooms.Service.OpenAsync(_rooms.Therapist(), _rooms.SessionId, Ct);

        Assert.Equal(RoomPhase.Open, (await _rooms.RoomAsync()).Phase);
        Assert.Contains(_rooms.Notifier.Events, e => e is RoomUpdated);
    }

    [Fact]
    public async Task A_dropped_connection_keeps_its_place_and_its_presence_ends_at_the_last_heartbeat()
    {
        var therapist = await _rooms.JoinAsync(_rooms.Therapist());
        var patient = await _rooms.AdmittedAsync(therapist, "River");
        _rooms.Clock.Advance(TimeSpan.FromSeconds(5));
        await _rooms.Service.HeartbeatAsync(patient, Ct);
        var lastHeartbeat = _rooms.Clock.GetUtcNow();

        _rooms.Clock.Advance(TimeSpan.FromSeconds(7));
        await _rooms.Service.DisconnectedAsync(patient, Ct);

        var left = Assert.Single(_rooms.Departures);
        Assert.Equal((patient.ParticipantId, LeaveReason.Dropped, lastHeartbeat), (left.ParticipantId, left.Reason, left.At));
        var kept = (await _rooms.RoomAsync()).Find(patient.ParticipantId)!;
        Assert.Equal((Admission.Admitted, lastHeartbeat), (kept.Admission, kept.DisconnectedAt));
        Assert.Null(await _rooms.Presence.GetAsync(patient.ConnectionId, Ct));
    }

    [Fact]
    public async Task A_replaced_connection_speaks_for_nobody_and_its_leave_changes_nothing()
    {
        var therapist = await _rooms.JoinAsync(_rooms.Therapist());
        var first = await _rooms.AdmittedAsync(therapist, "River");
        var second = (await _rooms.Service.JoinAsync(first.Caller, _rooms.SessionId, Home, "second", "node-b", Ct)).Connection;
        var version = (await _rooms.RoomAsync()).Version;

        var hand = await Assert.ThrowsAsync<RoomException>(() => _rooms.Service.RaiseHandAsync(first, Ct));
        var chat = await Assert.ThrowsAsync<RoomException>(() => _rooms.Service.SendChatAsync(first, "hello", null, Ct));
        var help = await Assert.ThrowsAsync<RoomException>(() => _rooms.Service.RequestHelpAsync(first, "help", Ct));
        await _rooms.Service.LeaveAsync(first, Ct);

        Assert.Equal(first.ParticipantId, second.ParticipantId);
        Assert.All(new[] { hand, chat, help }, e => Assert.Equal(RoomErrors.NotJoined, e.Code));
        Assert.Equal(version, (await _rooms.RoomAsync()).Version);
        Assert.Contains(_rooms.Notifier.Events, e => e is ConnectionReplaced r && r.OldConnectionId == first.ConnectionId && !r.CheckedInAtClinic);
        Assert.Empty(_rooms.Notifier.Chat);
        Assert.Empty(_rooms.Notifier.Help);
        await _rooms.Service.RaiseHandAsync(second, Ct);
        Assert.NotNull((await _rooms.RoomAsync()).Find(second.ParticipantId)!.HandRaisedAt);
    }

    [Fact]
    public async Task Help_carries_the_attestation_and_the_emergency_contact_and_is_bounded()
    {
        var therapist = await _rooms.JoinAsync(_rooms.Therapist());
        var patient = await _rooms.JoinAsync(_rooms.Patient("River"));

        var tooLong = await Assert.ThrowsAsync<RoomException>(() => _rooms.Service.RequestHelpAsync(patient, new string('h', 501), Ct));
        await _rooms.Service.RequestHelpAsync(patient, "  ", Ct);

        Assert.Equal(RoomErrors.InvalidArgument, tooLong.Code);
        var alert = Assert.Single(_rooms.Notifier.Help);
        Assert.Equal(("Needs help", "Home, Evanston", "IL"), (alert.Message, alert.Attestation!.Location, alert.Attestation.State));
        Assert.Equal("Contact of River", alert.EmergencyContact!.Name);
        Assert.NotEqual(therapist.ParticipantId, alert.ParticipantId);
    }
}
