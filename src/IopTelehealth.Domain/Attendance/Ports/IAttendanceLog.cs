using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Attendance.Ports;

/// <summary>
/// Port: the durable attendance ledger. It keeps every <see cref="AttendanceEvent"/> once (by id) and the intervals
/// <see cref="IntervalFold"/> derives from them, updated in the same transaction; summaries and reports read intervals.
/// Implementations must be safe for concurrent writers on several nodes.
/// </summary>
public interface IAttendanceLog
{
    /// <summary>Records the events not yet known (by <see cref="AttendanceEvent.EventId"/>) and rebuilds the affected intervals.</summary>
    /// <returns>How many events were new.</returns>
    Task<int> RecordAsync(IReadOnlyList<AttendanceEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Every interval of the session, ordered by person and start.</summary>
    Task<IReadOnlyList<AttendanceInterval>> SessionIntervalsAsync(SessionId sessionId, CancellationToken cancellationToken = default);

    /// <summary>Intervals of the given sessions (a week, a group's dashboard), ordered by session, person and start.</summary>
    Task<IReadOnlyList<AttendanceInterval>> IntervalsAsync(IReadOnlyCollection<SessionId> sessionIds, CancellationToken cancellationToken = default);

    /// <summary>Where each person last attested to be when joining the session remotely (PHI), by account.</summary>
    Task<IReadOnlyDictionary<Guid, string>> AttestedLocationsAsync(SessionId sessionId, CancellationToken cancellationToken = default);

    /// <summary>Every open interval, of any session (people present right now, as far as the ledger knows).</summary>
    Task<IReadOnlyList<AttendanceInterval>> OpenIntervalsAsync(CancellationToken cancellationToken = default);

    /// <summary>The person's open interval in the session, if any (never more than one).</summary>
    Task<AttendanceInterval?> OpenIntervalAsync(SessionId sessionId, Guid userId, CancellationToken cancellationToken = default);
}
