using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.InMemory;
using IopTelehealth.Server.Attendance;
using Microsoft.Extensions.Logging.Abstractions;

namespace IopTelehealth.Server.Tests.Attendance;

/// <summary>
/// When the ledger cannot take a write (database down, too slow), the room goes on; the facts stay staged in the room (any node
/// retries them) and wait in this node's outbox on disk, until a replay succeeds. Unit tests: the ledger port is replaced by a
/// scripted one, the room store is the real in-memory one.
/// </summary>
public sealed class AttendanceOutboxTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("iop-outbox-").FullName;
    private readonly ScriptedLog _log = new();
    private readonly InMemoryRoomStore _rooms = new(new FixedClock(Now));
    private readonly AttendanceOutbox _outbox;
    private readonly StagedAttendanceWriter _writer;
    private readonly AttendanceSink _sink;

    public AttendanceOutboxTests()
    {
        _outbox = new AttendanceOutbox(_directory);
        _writer = new StagedAttendanceWriter(_rooms, _log);
        _sink = new AttendanceSink(_writer, _outbox, new AttendanceSettings { WriteTimeout = TimeSpan.FromMilliseconds(300) }, NullLogger<AttendanceSink>.Instance);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_written_fact_leaves_the_room()
    {
        var (change, _) = await AdmittedAsync();

        await _sink.HandleAsync(change.State, change.Events, Ct);

        var fact = Assert.Single(_log.Recorded);
        Assert.Equal(AttendanceEventKind.Opened, fact.Kind);
        Assert.Equal("Home, Evanston, IL", fact.Location);
        Assert.Empty((await _rooms.GetAsync(change.State.SessionId, Ct))!.PendingAttendance);
        Assert.Empty(await _rooms.ListPendingAttendanceAsync(Ct));
        Assert.Equal(0, _outbox.Pending);
    }

    [Fact]
    public async Task A_failed_write_stays_staged_in_the_room_and_in_the_outbox_until_the_database_is_back()
    {
        var (change, _) = await AdmittedAsync();
        _log.Failing = true;

        await _sink.HandleAsync(change.State, change.Events, Ct);

        Assert.Equal(1, _outbox.Pending);
        Assert.Single((await _rooms.GetAsync(change.State.SessionId, Ct))!.PendingAttendance);
        Assert.Equal([change.State.SessionId], await _rooms.ListPendingAttendanceAsync(Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _outbox.DrainAsync(_log, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _writer.WriteAllStagedAsync(Ct));
        Assert.Equal(1, _outbox.Pending);

        _log.Failing = false;
        Assert.Equal(1, await _outbox.DrainAsync(_log, Ct));
        Assert.Equal(1, await _writer.WriteAllStagedAsync(Ct));
        Assert.Equal(0, _outbox.Pending);
        Assert.Empty(await _rooms.ListPendingAttendanceAsync(Ct));
        // Both copies reached the ledger; it keeps a fact once by id, so that is the same single fact twice.
        Assert.Equal(2, _log.Recorded.Count);
        Assert.Single(_log.Recorded.DistinctBy(f => f.EventId));
    }

    [Fact]
    public async Task A_write_slower_than_the_timeout_does_not_hold_the_room_and_is_kept()
    {
        var (change, _) = await AdmittedAsync();
        _log.Hang = true;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await _sink.HandleAsync(change.State, change.Events, Ct);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
        Assert.Equal(1, _outbox.Pending);
        Assert.Single((await _rooms.GetAsync(change.State.SessionId, Ct))!.PendingAttendance);
    }

    [Fact]
    public async Task A_transition_without_attendance_facts_does_not_wait_for_a_ledger_that_is_down()
    {
        var (change, patient) = await AdmittedAsync();
        _log.Failing = true;
        await _sink.HandleAsync(change.State, change.Events, Ct);
        _log.Failing = false;
        _log.Hang = true;

        var hand = await _rooms.ChangeAsync(change.State.SessionId, () => throw new InvalidOperationException(), room =>
        {
            room.RaiseHand(patient);
            return true;
        }, Ct);
        await _sink.HandleAsync(hand.State, hand.Events, Ct);

        // It returned at once (the hanging ledger was never called) and the earlier fact is still staged for the retry.
        Assert.NotEmpty(hand.Events);
        Assert.Empty(_log.Recorded);
        Assert.Single((await _rooms.GetAsync(change.State.SessionId, Ct))!.PendingAttendance);
    }

    public void Dispose()
    {
        _outbox.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A co-facilitator opens the room; a patient in the lobby is admitted. Returns the admission and the patient.</summary>
    private async Task<(RoomChange<bool> Change, ParticipantId Patient)> AdmittedAsync()
    {
        var sessionId = new SessionId(Guid.NewGuid());
        var create = () => Room.Create(sessionId, Guid.NewGuid(), Guid.NewGuid(), 12, Now, Now.AddHours(3));
        var staff = await _rooms.ChangeAsync(sessionId, create, room =>
        {
            room.OpenBySchedule();
            return room.Join(new JoinRequest(Guid.NewGuid(), ParticipantRole.CoFacilitator, "Co", "c1", "n1", null), Now, TimeSpan.FromMinutes(1)).Participant.Id;
        }, Ct);
        // The co-facilitator's own interval is not what these tests are about.
        await _rooms.ChangeAsync(sessionId, create, room => room.AcknowledgeAttendance([.. room.State.PendingAttendance.Select(f => f.EventId)]), Ct);
        var patient = await _rooms.ChangeAsync(sessionId, create, room =>
        {
            return room.Join(new JoinRequest(Guid.NewGuid(), ParticipantRole.Patient, "River", "c2", "n1",
                new Attestation("Home, Evanston", "IL", true, null)), Now, TimeSpan.FromMinutes(1)).Participant.Id;
        }, Ct);
        var admitted = await _rooms.ChangeAsync(sessionId, create, room =>
        {
            room.Admit(staff.Result, patient.Result, Now.AddMinutes(1));
            return true;
        }, Ct);
        return (admitted, patient.Result);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class ScriptedLog : IAttendanceLog
    {
        public bool Failing { get; set; }

        public bool Hang { get; set; }

        public List<AttendanceEvent> Recorded { get; } = [];

        public async Task<int> RecordAsync(IReadOnlyList<AttendanceEvent> events, CancellationToken cancellationToken = default)
        {
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (Failing)
            {
                throw new InvalidOperationException("database unavailable");
            }

            Recorded.AddRange(events);
            return events.Count;
        }

        public Task<IReadOnlyList<AttendanceInterval>> SessionIntervalsAsync(SessionId sessionId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<AttendanceInterval>> IntervalsAsync(IReadOnlyCollection<SessionId> sessionIds, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<Guid, string>> AttestedLocationsAsync(SessionId sessionId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<AttendanceInterval>> OpenIntervalsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<AttendanceInterval?> OpenIntervalAsync(SessionId sessionId, Guid userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
