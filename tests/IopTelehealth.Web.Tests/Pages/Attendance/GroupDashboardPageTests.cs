using System.Globalization;
using Bunit;
using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Attendance;
using IopTelehealth.Web.Pages.Attendance;
using IopTelehealth.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Web.Tests.Pages.Attendance;

/// <summary>The weekly rate chart: one slot per week of the range, bars in proportion, a mark for 0 %, a dash for no sessions.</summary>
public sealed class GroupDashboardPageTests : WebTestContext
{
    private static readonly DateOnly FirstMonday = new(2026, 10, 5);
    private readonly FakeAttendanceApi _attendance = new();

    public GroupDashboardPageTests() => Services.AddSingleton<IAttendanceApi>(_attendance);

    [Fact]
    public void Every_week_has_its_slot_and_a_week_without_sessions_is_marked_rather_than_left_out()
    {
        _attendance.Dashboard = Dashboard(Week(0, 2, 8, 2), Week(1, 0, 0, 0), Week(2, 1, 5, 0), Week(3, 1, 4, 4));

        var cut = Render<GroupDashboardPage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        Assert.Equal(4, cut.FindAll("svg g.week").Count);
        var bars = cut.FindAll("rect.rate-bar");
        Assert.Equal([Day(0), Day(2), Day(3)], bars.Select(b => b.GetAttribute("data-week")));
        // Heights in proportion to the rate on one baseline: 168 units = 100 %.
        Assert.Equal([42.0, 0.0, 168.0], bars.Select(b => Number(b.GetAttribute("height"))));
        Assert.All(bars, b => Assert.Equal(184.0, Number(b.GetAttribute("y")) + Number(b.GetAttribute("height"))));
        Assert.Equal("Week of Oct 5: 25% (2 of 8)", bars[0].QuerySelector("title")!.TextContent);
        Assert.Equal("Week of Oct 19: 0% (0 of 5)", bars[1].QuerySelector("title")!.TextContent);

        var empty = Assert.Single(cut.FindAll("g.no-sessions"));
        Assert.Equal(Day(1), empty.GetAttribute("data-week"));
        Assert.Equal("Week of Oct 12: no sessions", empty.QuerySelector("title")!.TextContent);
        Assert.Equal(Day(2), Assert.Single(cut.FindAll("rect.zero-rate")).GetAttribute("data-week"));
        Assert.Equal(["Oct 5", "Oct 12", "Oct 19", "Oct 26"], cut.FindAll("g.week-label text").Select(t => t.TextContent));
    }

    [Fact]
    public void Beyond_a_quarter_only_every_nth_week_is_labelled_so_labels_never_overlap()
    {
        _attendance.Dashboard = Dashboard([.. Enumerable.Range(0, 30).Select(k => Week(k, 1, 4, k % 5))]);

        var cut = Render<GroupDashboardPage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        Assert.Equal(30, cut.FindAll("rect.rate-bar").Count);
        var labels = cut.FindAll("g.week-label text").Select(t => t.TextContent).ToList();
        Assert.Equal(10, labels.Count);
        Assert.Equal("Oct 5", labels[0]);
        Assert.Equal(Label(3), labels[1]);
    }

    [Fact]
    public void A_refused_dashboard_shows_the_problem_and_no_chart()
    {
        _attendance.Dashboard = ApiResult<GroupDashboardDto>.Forbidden();

        var cut = Render<GroupDashboardPage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        Assert.Empty(cut.FindAll("svg"));
        Assert.Equal("Group attendance", cut.Find("h1").TextContent);
    }

    private static ApiResult<GroupDashboardDto> Dashboard(params WeekRateDto[] weeks) =>
        ApiResult<GroupDashboardDto>.Ok(new GroupDashboardDto(Guid.NewGuid(), "Evening IOP", [], weeks));

    private static WeekRateDto Week(int index, int sessions, int expected, int attended) =>
        new(FirstMonday.AddDays(7 * index), sessions, expected, attended, expected == 0 ? 0 : Math.Round((double)attended / expected, 4));

    private static string Day(int index) => FirstMonday.AddDays(7 * index).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Label(int index) => FirstMonday.AddDays(7 * index).ToString("MMM d", CultureInfo.InvariantCulture);

    private static double Number(string? value) => double.Parse(value!, CultureInfo.InvariantCulture);
}
