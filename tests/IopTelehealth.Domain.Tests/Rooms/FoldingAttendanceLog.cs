using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Domain.Tests.Rooms;

/// <summary>
/// An in-memory ledger for unit tests: keeps the facts and folds them with the real <see cref="IntervalFold"/>. Together with
/// <see cref="LedgerSinks"/> it stands where the EF ledger and its room sink stand in the server.
/// </summary>
internal sealed class FoldingAttendanceLog : IAttendanceLog
{
    private readonly List<AttendanceEvent> _events = [];

    public Task<int> RecordAsync(IReadOnlyList<AttendanceEvent> events, CancellationToken cancellationToken = default)
    {
        var fresh = events.Where(e => _events.All(known => known.EventId != e.EventId)).ToList();
        _events.AddRange(fresh);
        return Task.FromResult(fresh.Count);
    }

    public Task<IReadOnlyList<AttendanceInterval>> SessionIntervalsAsync(SessionId sessionId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AttendanceInterval>>([.. _events.Where(e => e.SessionId == sessionId && e.UserId != Guid.Empty)
            .Select(e => e.UserId).Distinct().SelectMany(user => IntervalFold.Fold(sessionId, user, _events))]);

    public async Task<IReadOnlyList<AttendanceInterval>> IntervalsAsync(IReadOnlyCollection<SessionId> sessionIds, CancellationToken cancellationToken = default)
    {
        var all = new List<AttendanceInterval>();
        foreach (var id in sessionIds)
        {
            all.AddRange(await SessionIntervalsAsync(id, cancellationToken));
        }

        return all;
    }

    public Task<IReadOnlyDictionary<Guid, string>> AttestedLocationsAsync(SessionId sessionId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, string>>(new Dictionary<Guid, string>());

    public Task<IReadOnlyList<AttendanceInterval>> OpenIntervalsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AttendanceInterval>>([.. _events.Where(e => e.UserId != Guid.Empty).Select(e => (e.SessionId, e.UserId)).Distinct()
            .SelectMany(key => IntervalFold.Fold(key.SessionId, key.UserId, _events)).Where(i => i.IsOpen)]);

    public Task<AttendanceInterval?> OpenIntervalAsync(SessionId sessionId, Guid userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(IntervalFold.Fold(sessionId, userId, _events).FirstOrDefault(i => i.IsOpen));

    public IReadOnlyList<AttendanceInterval> Of(SessionId sessionId, Guid userId) => IntervalFold.Fold(sessionId, userId, _events);
}

/// <summary>
/// The server's durable listener without its timeout and outbox: writes what the transition staged, then the room forgets it.
/// <see cref="NodeDies"/> stands for a node that dies right after its room write, before the ledger heard of it.
/// </summary>
internal sealed class LedgerSinks(StagedAttendanceWriter writer) : IRoomEventSink
{
    public bool NodeDies { get; set; }

    public Task HandleAsync(RoomState state, IReadOnlyList<RoomEvent> events, CancellationToken cancellationToken = default) =>
        NodeDies ? Task.CompletedTask : writer.WriteAsync(state, cancellationToken);
}
