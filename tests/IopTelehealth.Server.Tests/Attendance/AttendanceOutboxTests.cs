using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Server.Attendance;
using Microsoft.Extensions.Logging.Abstractions;

namespace IopTelehealth.Server.Tests.Attendance;

/// <summary>
/// When the ledger cannot take a write (database down, too slow), the room goes on and the facts wait in the outbox on disk
/// until a replay succeeds. Unit tests: the ledger port is replaced by a scripted one.
/// </summary>
public sealed class AttendanceOutboxTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("iop-outbox-").FullName;
    private readonly ScriptedLog _log = new();
    private readonly AttendanceOutbox _outbox;
    private readonly AttendanceSink _sink;

    public AttendanceOutboxTests()
    {
        _outbox = new AttendanceOutbox(_directory);
        _sink = new AttendanceSink(_log, _outbox, new AttendanceSettings { WriteTimeout = TimeSpan.FromMilliseconds(300) }, NullLogger<AttendanceSink>.Instance);
    }

    [Fact]
    public async Task A_failed_write_goes_to_the_outbox_and_is_replayed_when_the_database_is_back()
    {
        var (state, events) = Admitted();
        _log.Failing = true;

        await _sink.HandleAsync(state, events, TestContext.Current.CancellationToken);

        Assert.Equal(1, _outbox.Pending);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _outbox.DrainAsync(_log, TestContext.Current.CancellationToken));
        Assert.Equal(1, _outbox.Pending);

        _log.Failing = false;
        Assert.Equal(1, await _outbox.DrainAsync(_log, TestContext.Current.CancellationToken));
        Assert.Equal(0, _outbox.Pending);
        Assert.Equal(RoomAttendance.Translate(state, events), _log.Recorded);
        Assert.Equal("Home, Evanston, IL", Assert.Single(_log.Recorded).Location);
    }

    [Fact]
    public async Task A_write_slower_than_the_timeout_does_not_hold_the_room_and_is_kept()
    {
        var (state, events) = Admitted();
        _log.Hang = true;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await _sink.HandleAsync(state, events, TestContext.Current.CancellationToken);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
        Assert.Equal(1, _outbox.Pending);
    }

    public void Dispose()
    {
        _outbox.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static (RoomState State, IReadOnlyList<RoomEvent> Events) Admitted()
    {
        var state = Room.Create(new SessionId(Guid.NewGuid()), Guid.NewGuid(), Guid.NewGuid(), 12, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(3));
        state.Phase = RoomPhase.Live;
        var room = new Room(state);
        var join = room.Join(new JoinRequest(Guid.NewGuid(), ParticipantRole.CoFacilitator, "Co", "c1", "n1", null), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var patient = new RoomParticipant
        {
            Id = ParticipantId.New(),
            UserId = Guid.NewGuid(),
            Role = ParticipantRole.Patient,
            ConnectionId = "c2",
            Admission = Admission.Lobby,
            Attestation = new Attestation("Home, Evanston", "IL", true, null),
        };
        state.Participants.Add(patient);
        var fresh = new Room(state);
        fresh.Admit(join.Participant.Id, patient.Id, DateTimeOffset.UtcNow);
        return (state, [.. fresh.Events.OfType<ParticipantAdmitted>()]);
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

        public Task<AttendanceInterval?> OpenIntervalAsync(SessionId sessionId, Guid userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
