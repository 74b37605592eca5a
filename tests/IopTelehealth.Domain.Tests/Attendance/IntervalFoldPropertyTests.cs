using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Tests.Attendance;

/// <summary>
/// Random join / leave / drop / mode-switch / check-in sequences, with noise (leaves without joins, repeated joins), checked
/// against a simulated truth. Each case has its own seed, printed on failure so it can be replayed alone.
/// </summary>
public sealed class IntervalFoldPropertyTests
{
    private static readonly SessionId Session = new(Guid.Parse("5e55105e-0000-4000-8000-000000000001"));
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        var master = new Random(20261122);
        for (var i = 0; i < 300; i++)
        {
            data.Add(master.Next());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_sequences_fold_to_the_simulated_truth(int seed)
    {
        try
        {
            Check(seed);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"seed {seed} (replay it alone with this seed): {e.Message}");
        }
    }

    private static void Check(int seed)
    {
        var scenario = Scenario.Generate(seed);
        var intervals = IntervalFold.Fold(Session, scenario.UserId, scenario.Events);
        var because = $"seed {seed}";

        for (var i = 1; i < intervals.Count; i++)
        {
            Assert.True(intervals[i - 1].End is { } end && end <= intervals[i].Start, $"{because}: intervals {i - 1} and {i} overlap");
        }

        Assert.True(intervals.Count(iv => iv.IsOpen) <= 1, $"{because}: more than one open interval");
        Assert.True(intervals.All(iv => iv.End is null || iv.End > iv.Start), $"{because}: an interval ends before it starts");
        Assert.Equal(scenario.PresentSeconds, intervals.Sum(iv => (iv.Duration(scenario.End) - TimeSpan.Zero).TotalSeconds));
        Assert.Equal(scenario.PresentSecondsByMode, intervals.GroupBy(iv => iv.Mode).ToDictionary(g => g.Key, g => g.Sum(iv => iv.Duration(scenario.End).TotalSeconds)));
        if (scenario.Ended)
        {
            Assert.DoesNotContain(intervals, iv => iv.IsOpen);
        }

        // Idempotent replay: the same facts duplicated and shuffled (another node, a retry, the outbox) give the same ledger.
        var random = new Random(seed ^ 0x5eed);
        var replay = scenario.Events.Concat(scenario.Events.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();
        Assert.Equal(intervals, IntervalFold.Fold(Session, scenario.UserId, replay));
    }

    /// <summary>One patient's afternoon: the simulator knows when they are really present, and emits what the system would record.</summary>
    private sealed class Scenario
    {
        public Guid UserId { get; } = Guid.NewGuid();

        public List<AttendanceEvent> Events { get; } = [];

        public double PresentSeconds { get; private set; }

        public Dictionary<AttendanceMode, double> PresentSecondsByMode { get; } = [];

        public DateTimeOffset End { get; private set; }

        public bool Ended { get; private set; }

        public static Scenario Generate(int seed)
        {
            var random = new Random(seed);
            var s = new Scenario();
            var now = T0;
            AttendanceMode? mode = null;
            DateTimeOffset since = now;
            var steps = random.Next(1, 40);
            for (var step = 0; step < steps; step++)
            {
                now += TimeSpan.FromSeconds(random.Next(0, 900));
                var id = $"e{step}";
                switch (random.Next(8))
                {
                    case 0 or 1 when mode is null:
                        var joinMode = random.Next(4) == 0 ? AttendanceMode.AudioOnly : AttendanceMode.Video;
                        s.Events.Add(AttendanceEvent.Opened(id, Session, s.UserId, joinMode, now, step));
                        (mode, since) = (joinMode, now);
                        break;
                    case 2 when mode is AttendanceMode.Video or AttendanceMode.AudioOnly:
                        s.Events.Add(AttendanceEvent.Closed(id, Session, s.UserId, AttendanceChannel.Remote,
                            random.Next(3) switch { 0 => AttendanceEndReason.Left, 1 => AttendanceEndReason.Dropped, _ => AttendanceEndReason.NodeLost }, now, step));
                        s.Add(mode.Value, since, now);
                        mode = null;
                        break;
                    case 3 when mode is AttendanceMode.Video or AttendanceMode.AudioOnly:
                        var next = mode == AttendanceMode.Video ? AttendanceMode.AudioOnly : AttendanceMode.Video;
                        s.Events.Add(AttendanceEvent.Opened(id, Session, s.UserId, next, now, step));
                        s.Add(mode.Value, since, now);
                        (mode, since) = (next, now);
                        break;
                    case 4 when mode != AttendanceMode.InPerson:
                        // Check-in: from remote it is a switch, from nowhere an arrival.
                        s.Events.Add(AttendanceEvent.Opened(id, Session, s.UserId, AttendanceMode.InPerson, now, step));
                        if (mode is { } was)
                        {
                            s.Add(was, since, now);
                        }

                        (mode, since) = (AttendanceMode.InPerson, now);
                        break;
                    case 5 when mode == AttendanceMode.InPerson:
                        s.Events.Add(AttendanceEvent.Closed(id, Session, s.UserId, AttendanceChannel.InPerson, AttendanceEndReason.CheckedOut, now, step));
                        s.Add(mode.Value, since, now);
                        mode = null;
                        break;
                    case 6:
                        // Noise that must change nothing: a leave of a channel the patient is not present through.
                        var channel = mode == AttendanceMode.InPerson || (mode is null && random.Next(2) == 0) ? AttendanceChannel.Remote : AttendanceChannel.InPerson;
                        if (mode is null || AttendanceEvent.ChannelOf(mode.Value) != channel)
                        {
                            s.Events.Add(AttendanceEvent.Closed(id, Session, s.UserId, channel, AttendanceEndReason.Left, now, step));
                        }

                        break;
                    case 7 when mode is { } same:
                        // Noise: a repeated join in the current mode (a resumed connection raising admitted again).
                        s.Events.Add(AttendanceEvent.Opened(id, Session, s.UserId, same, now, step));
                        break;
                    default:
                        break;
                }
            }

            now += TimeSpan.FromSeconds(random.Next(1, 600));
            s.End = now;
            if (random.Next(4) != 0)
            {
                s.Events.Add(AttendanceEvent.Ended("end", Session, now, steps));
                s.Ended = true;
            }

            if (mode is { } open)
            {
                s.Add(open, since, now);
            }

            return s;
        }

        private void Add(AttendanceMode mode, DateTimeOffset from, DateTimeOffset to)
        {
            var seconds = (to - from).TotalSeconds;
            PresentSeconds += seconds;
            if (seconds > 0)
            {
                PresentSecondsByMode[mode] = PresentSecondsByMode.GetValueOrDefault(mode) + seconds;
            }
        }
    }
}
