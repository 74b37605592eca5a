using IopTelehealth.Domain.Scheduling;
using static IopTelehealth.Domain.Tests.TestTime;

namespace IopTelehealth.Domain.Tests;

public class ToInstantTests
{
    private static readonly TimeZoneInfo ChicagoZone = TimeZoneInfo.FindSystemTimeZoneById(Chicago);

    public static readonly TheoryData<DateTime, DateTimeOffset> ChicagoCases = new()
    {
        { new DateTime(2026, 3, 7, 18, 0, 0), Utc(2026, 3, 8, 0) },
        { new DateTime(2026, 3, 8, 1, 59, 0), Utc(2026, 3, 8, 7, 59) },
        // 02:00-02:59 on 8 March do not exist; they move forward by the hour skipped.
        { new DateTime(2026, 3, 8, 2, 0, 0), Utc(2026, 3, 8, 8) },
        { new DateTime(2026, 3, 8, 2, 59, 0), Utc(2026, 3, 8, 8, 59) },
        { new DateTime(2026, 3, 8, 3, 0, 0), Utc(2026, 3, 8, 8) },
        // 01:00-01:59 on 1 November happen twice; the first (CDT) is taken.
        { new DateTime(2026, 11, 1, 1, 0, 0), Utc(2026, 11, 1, 6) },
        { new DateTime(2026, 11, 1, 1, 59, 0), Utc(2026, 11, 1, 6, 59) },
        { new DateTime(2026, 11, 1, 2, 0, 0), Utc(2026, 11, 1, 8) },
    };

    [Theory]
    [MemberData(nameof(ChicagoCases))]
    public void Chicago_wall_clock_maps_to_the_expected_instant(DateTime wallClock, DateTimeOffset expected)
    {
        var instant = ScheduleExpander.ToInstant(wallClock, ChicagoZone);

        Assert.Equal(expected, instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void The_kind_of_the_wall_clock_is_ignored()
    {
        // A wall clock that arrives marked Utc or Local (e.g. from a deserializer) is still the zone's wall clock.
        var utcKind = new DateTime(2026, 7, 1, 18, 0, 0, DateTimeKind.Utc);
        var localKind = new DateTime(2026, 7, 1, 18, 0, 0, DateTimeKind.Local);

        Assert.Equal(Utc(2026, 7, 1, 23), ScheduleExpander.ToInstant(utcKind, ChicagoZone));
        Assert.Equal(Utc(2026, 7, 1, 23), ScheduleExpander.ToInstant(localKind, ChicagoZone));
    }
}
