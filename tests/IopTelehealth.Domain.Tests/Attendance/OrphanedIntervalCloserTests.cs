using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.Domain.Tests.Rooms;
using IopTelehealth.InMemory;

namespace IopTelehealth.Domain.Tests.Attendance;

/// <summary>
/// Intervals whose room was lost (an in-memory room with its process, a Redis that lost its data) are closed as node-lost, at
/// the previous process's last life mark when the room died with it, else at detection; live rooms keep theirs.
/// </summary>
public sealed class OrphanedIntervalCloserTests
{
    private readonly RoomServiceHarness _h = new();
    private RoomConnection? _therapist;

    private static CancellationToken Ct => RoomServiceHarness.Ct;

    [Fact]
    public async Task A_live_room_keeps_its_present_patients_intervals_open()
    {
        var (patient, _) = await PresentPatientAsync();

        Assert.Equal(0, await new OrphanedIntervalCloser(_h.Rooms, _h.Ledger, _h.Clock).CloseAsync(new ServerLife(_h.Clock.GetUtcNow().AddHours(-1), null), Ct));

        Assert.True(Assert.Single(_h.Ledger.Of(_h.SessionId, patient.UserId)).IsOpen);
    }

    [Fact]
    public async Task A_room_that_died_with_the_previous_process_closes_its_intervals_at_that_process_last_mark()
    {
        var (patient, admittedAt) = await PresentPatientAsync();
        var lastAlive = admittedAt.AddMinutes(40);
        _h.Clock.Advance(TimeSpan.FromHours(2));
        var restarted = new InMemoryRoomStore(_h.Clock);
        var closer = new OrphanedIntervalCloser(restarted, _h.Ledger, _h.Clock);

        Assert.Equal(2, await closer.CloseAsync(new ServerLife(_h.Clock.GetUtcNow(), lastAlive), Ct));

        var interval = Assert.Single(_h.Ledger.Of(_h.SessionId, patient.UserId));
        Assert.Equal((admittedAt, lastAlive, AttendanceEndReason.NodeLost), (interval.Start, interval.End!.Value, interval.EndReason!.Value));
        Assert.Empty(await _h.Ledger.OpenIntervalsAsync(Ct));
        // Nodes reconciling side by side (or one running twice) record the close once.
        Assert.Equal(0, await closer.CloseAsync(new ServerLife(_h.Clock.GetUtcNow(), lastAlive), Ct));
    }

    [Fact]
    public async Task A_room_that_vanished_while_this_process_ran_closes_its_intervals_at_detection()
    {
        var (patient, _) = await PresentPatientAsync();
        _h.Clock.Advance(TimeSpan.FromMinutes(30));
        var detectedAt = _h.Clock.GetUtcNow();

        await new OrphanedIntervalCloser(new InMemoryRoomStore(_h.Clock), _h.Ledger, _h.Clock)
            .CloseAsync(new ServerLife(detectedAt.AddHours(-5), detectedAt.AddHours(-6)), Ct);

        Assert.Equal(detectedAt, Assert.Single(_h.Ledger.Of(_h.SessionId, patient.UserId)).End);
    }

    [Fact]
    public async Task A_person_the_room_holds_no_longer_present_is_closed_and_one_the_ledger_will_hear_about_is_not()
    {
        var (gone, _) = await PresentPatientAsync();
        var caller = _h.Patient("Lake");
        var staged = await _h.JoinAsync(caller);
        _h.LedgerSink.NodeDies = true;
        await _h.Service.AdmitAsync(_therapist!, staged.ParticipantId, Ct);
        _h.LedgerSink.NodeDies = false;
        // The room forgot the first patient (say its store lost them) while the ledger still has her present.
        await _h.Rooms.ChangeAsync(_h.SessionId, () => throw new InvalidOperationException(), room => room.State.Participants.RemoveAll(p => p.UserId == gone.UserId), Ct);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));

        await new OrphanedIntervalCloser(_h.Rooms, _h.Ledger, _h.Clock).CloseAsync(new ServerLife(_h.Clock.GetUtcNow().AddHours(-1), null), Ct);

        Assert.Equal(AttendanceEndReason.NodeLost, Assert.Single(_h.Ledger.Of(_h.SessionId, gone.UserId)).EndReason);
        Assert.Empty(_h.Ledger.Of(_h.SessionId, caller.UserId));
        Assert.True(_h.Ledger.Of(_h.SessionId, _therapist!.Caller.UserId).Single().IsOpen);
    }

    private async Task<(RoomCaller Patient, DateTimeOffset AdmittedAt)> PresentPatientAsync()
    {
        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        _therapist = await _h.JoinAsync(_h.Therapist());
        var caller = _h.Patient("Sky");
        var patient = await _h.JoinAsync(caller);
        var admittedAt = _h.Clock.GetUtcNow();
        await _h.Service.AdmitAsync(_therapist, patient.ParticipantId, Ct);
        return (caller, admittedAt);
    }
}
