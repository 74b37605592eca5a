using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Persistence.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Persistence.Tests;

public abstract partial class PersistenceSpecification
{
    private static readonly DateTimeOffset AttendanceStart = new(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);

    private IAttendanceLog Ledger => Database.Services.GetRequiredService<IAttendanceLog>();

    [Fact]
    public async Task The_ledger_records_joins_and_leaves_as_intervals_and_ignores_a_repeat()
    {
        var session = new SessionId(Guid.NewGuid());
        var patient = Guid.NewGuid();
        var events = new[]
        {
            AttendanceEvent.Opened("a1", session, patient, AttendanceMode.Video, AttendanceStart, 1),
            AttendanceEvent.Opened("a2", session, patient, AttendanceMode.AudioOnly, AttendanceStart.AddMinutes(30), 2),
            AttendanceEvent.Closed("a3", session, patient, AttendanceChannel.Remote, AttendanceEndReason.Dropped, AttendanceStart.AddMinutes(50), 3),
        }.Select(e => e with { EventId = $"{session}:{e.EventId}" }).ToList();

        Assert.Equal(3, await Ledger.RecordAsync(events, Ct));
        Assert.Equal(0, await Ledger.RecordAsync(events, Ct));

        var intervals = await Ledger.SessionIntervalsAsync(session, Ct);
        Assert.Equal(IntervalFold.Fold(session, patient, events), intervals);
        Assert.Equal([AttendanceMode.Video, AttendanceMode.AudioOnly], intervals.Select(i => i.Mode));
        Assert.Equal([AttendanceEndReason.ModeChanged, AttendanceEndReason.Dropped], intervals.Select(i => i.EndReason));
        Assert.Equal(AttendanceStart.AddMinutes(50), intervals[1].End);
        Assert.Null(await Ledger.OpenIntervalAsync(session, patient, Ct));
        Assert.Equal(3, await Database.WithDbAsync(db => db.AttendanceEvents.CountAsync(e => e.SessionId == session.Value, Ct)));
    }

    [Fact]
    public async Task Out_of_order_facts_and_a_leave_without_a_join_give_the_same_ledger()
    {
        var session = new SessionId(Guid.NewGuid());
        var patient = Guid.NewGuid();
        var id = (string name) => $"{session}:{name}";

        // The leave arrives first, then a stray leave of a channel never joined, then the join, then the session's end.
        await Ledger.RecordAsync([AttendanceEvent.Closed(id("leave"), session, patient, AttendanceChannel.Remote, AttendanceEndReason.Left, AttendanceStart.AddMinutes(20), 5)], Ct);
        Assert.Empty(await Ledger.SessionIntervalsAsync(session, Ct));
        await Ledger.RecordAsync([AttendanceEvent.Closed(id("stray"), session, patient, AttendanceChannel.InPerson, AttendanceEndReason.CheckedOut, AttendanceStart.AddMinutes(1), 1)], Ct);
        await Ledger.RecordAsync([AttendanceEvent.Opened(id("join"), session, patient, AttendanceMode.Video, AttendanceStart, 2)], Ct);
        var afterJoin = Assert.Single(await Ledger.SessionIntervalsAsync(session, Ct));
        Assert.Equal((AttendanceStart, AttendanceStart.AddMinutes(20), AttendanceEndReason.Left), (afterJoin.Start, afterJoin.End!.Value, afterJoin.EndReason!.Value));

        await Ledger.RecordAsync([AttendanceEvent.Opened(id("rejoin"), session, patient, AttendanceMode.Video, AttendanceStart.AddMinutes(25), 6)], Ct);
        Assert.NotNull(await Ledger.OpenIntervalAsync(session, patient, Ct));
        await Ledger.RecordAsync([AttendanceEvent.Ended(id("end"), session, AttendanceStart.AddMinutes(60), 9)], Ct);

        var intervals = await Ledger.SessionIntervalsAsync(session, Ct);
        Assert.Equal(2, intervals.Count);
        Assert.Equal(AttendanceEndReason.SessionEnded, intervals[1].EndReason);
        Assert.Equal(TimeSpan.FromMinutes(55), intervals[0].Duration(default) + intervals[1].Duration(default));
    }

    [Fact]
    public async Task In_person_check_in_switches_from_remote_and_session_end_checks_everyone_out()
    {
        var session = new SessionId(Guid.NewGuid());
        var (remote, inPerson) = (Guid.NewGuid(), Guid.NewGuid());
        AttendanceEvent CheckIn(string id, Guid user, int minute) =>
            AttendanceEvent.Opened($"{session}:{id}", session, user, AttendanceMode.InPerson, AttendanceStart.AddMinutes(minute));
        await Ledger.RecordAsync([AttendanceEvent.Opened($"{session}:j", session, remote, AttendanceMode.Video, AttendanceStart, 1)], Ct);

        await Ledger.RecordAsync([CheckIn("qr1", remote, 10), CheckIn("staff1", inPerson, 2)], Ct);
        // A second check-in changes nothing; the remote connection's leave, arriving after the switch, must not end the in-person stay.
        await Ledger.RecordAsync([CheckIn("staff2", inPerson, 3)], Ct);
        await Ledger.RecordAsync([AttendanceEvent.Closed($"{session}:l", session, remote, AttendanceChannel.Remote, AttendanceEndReason.Left, AttendanceStart.AddMinutes(11), 2)], Ct);
        Assert.Equal(AttendanceMode.InPerson, (await Ledger.OpenIntervalAsync(session, remote, Ct))?.Mode);

        await Ledger.RecordAsync([AttendanceEvent.Ended($"{session}:end", session, AttendanceStart.AddHours(3))], Ct);

        var intervals = await Ledger.SessionIntervalsAsync(session, Ct);
        Assert.DoesNotContain(intervals, i => i.IsOpen);
        var mine = intervals.Where(i => i.UserId == remote).ToList();
        Assert.Equal([(AttendanceMode.Video, AttendanceEndReason.ModeChanged), (AttendanceMode.InPerson, AttendanceEndReason.SessionEnded)],
            mine.Select(i => (i.Mode, i.EndReason!.Value)));
        Assert.Equal(AttendanceStart.AddMinutes(2), intervals.Single(i => i.UserId == inPerson).Start);
        // A check-out after the end finds nothing open and changes nothing.
        await Ledger.RecordAsync([AttendanceEvent.Closed($"{session}:out", session, inPerson, AttendanceChannel.InPerson, AttendanceEndReason.CheckedOut, AttendanceStart.AddHours(4))], Ct);
        Assert.Equal(intervals, await Ledger.SessionIntervalsAsync(session, Ct));
    }

    [Fact]
    public async Task The_database_refuses_a_second_open_interval_for_one_person_in_one_session()
    {
        var session = Guid.NewGuid();
        var patient = Guid.NewGuid();
        AttendanceIntervalRow Open(string id) => new() { SessionId = session, UserId = patient, Mode = AttendanceMode.Video, Start = AttendanceStart, StartEventId = id };
        await Database.AddAsync(Open("first"));

        await Assert.ThrowsAsync<DbUpdateException>(() => Database.AddAsync(Open("second")));
    }

    [Fact]
    public async Task Concurrent_writers_on_one_session_never_lose_a_fact_or_open_two_intervals()
    {
        var session = new SessionId(Guid.NewGuid());
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var patients = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var events = new List<AttendanceEvent>();
        long sequence = 0;
        foreach (var patient in patients)
        {
            var at = AttendanceStart;
            for (var i = 0; i < 6; i++)
            {
                at = at.AddSeconds(random.Next(1, 600));
                events.Add(i % 2 == 0
                    ? AttendanceEvent.Opened($"{session}:{++sequence}", session, patient, random.Next(2) == 0 ? AttendanceMode.Video : AttendanceMode.AudioOnly, at, sequence)
                    : AttendanceEvent.Closed($"{session}:{++sequence}", session, patient, AttendanceChannel.Remote, AttendanceEndReason.Dropped, at, sequence));
            }
        }

        // Eight writers (as several nodes would), each recording the facts in its own shuffled order, with overlaps.
        var writers = Enumerable.Range(0, 8).Select(w =>
        {
            var mine = events.Where((_, i) => i % 8 == w || random.Next(4) == 0).OrderBy(_ => random.Next()).ToList();
            return Task.Run(async () =>
            {
                foreach (var e in mine)
                {
                    await Ledger.RecordAsync([e], Ct);
                }
            }, Ct);
        }).ToList();
        await Task.WhenAll(writers);

        var expected = patients.SelectMany(p => IntervalFold.Fold(session, p, events)).OrderBy(i => i.UserId).ThenBy(i => i.Start).ToList();
        var stored = (await Ledger.SessionIntervalsAsync(session, Ct)).OrderBy(i => i.UserId).ThenBy(i => i.Start).ToList();
        Assert.True(expected.SequenceEqual(stored), $"seed {seed}: the stored intervals differ from the fold of every fact");
        Assert.Equal(events.Count, await Database.WithDbAsync(db => db.AttendanceEvents.CountAsync(e => e.SessionId == session.Value, Ct)));
    }
}
