using System.Text.Json;
using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Server.Attendance;

/// <summary>
/// Facts the ledger could not take yet, one file per batch on this node's disk (written to a temporary name, flushed,
/// then renamed, so a crash leaves either a whole batch or none). Replayed in order until the ledger accepts them;
/// the ledger is idempotent by event id, so a batch replayed twice (crash after the write, before the delete) is harmless.
/// </summary>
internal sealed class AttendanceOutbox : IDisposable
{
    private readonly string _directory;
    private readonly SemaphoreSlim _drain = new(1, 1);

    public AttendanceOutbox(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => _drain.Dispose();

    public int Pending => Directory.GetFiles(_directory, "*.json").Length;

    public async Task AppendAsync(IReadOnlyList<AttendanceEvent> facts, CancellationToken cancellationToken)
    {
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfffffff}-{Guid.NewGuid():N}";
        var temporary = Path.Combine(_directory, name + ".tmp");
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await JsonSerializer.SerializeAsync(stream, facts.Select(Stored.From).ToList(), cancellationToken: cancellationToken);
        }

        File.Move(temporary, Path.Combine(_directory, name + ".json"));
    }

    /// <summary>Replays pending batches oldest first; stops at the first the ledger refuses (to keep order) and returns how many were written.</summary>
    public async Task<int> DrainAsync(IAttendanceLog log, CancellationToken cancellationToken)
    {
        await _drain.WaitAsync(cancellationToken);
        try
        {
            var written = 0;
            foreach (var file in Directory.GetFiles(_directory, "*.json").Order(StringComparer.Ordinal))
            {
                List<Stored>? batch;
                await using (var stream = File.OpenRead(file))
                {
                    batch = await JsonSerializer.DeserializeAsync<List<Stored>>(stream, cancellationToken: cancellationToken);
                }

                await log.RecordAsync([.. (batch ?? []).Select(s => s.ToEvent())], cancellationToken);
                File.Delete(file);
                written++;
            }

            return written;
        }
        finally
        {
            _drain.Release();
        }
    }

    private sealed record Stored(string EventId, Guid SessionId, Guid UserId, AttendanceEventKind Kind, DateTimeOffset At, AttendanceMode? Mode,
        AttendanceChannel? Channel, AttendanceEndReason? Reason, long Sequence, string? Location)
    {
        public static Stored From(AttendanceEvent e) => new(e.EventId, e.SessionId.Value, e.UserId, e.Kind, e.At, e.Mode, e.Channel, e.Reason, e.Sequence, e.Location);

        public AttendanceEvent ToEvent() => new(EventId, new SessionId(SessionId), UserId, Kind, At, Mode, Channel, Reason, Sequence, Location);
    }
}
