using Bunit;
using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Components.Home;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Components.Home;

public sealed class TherapistHomeTests : WebTestContext
{
    private static TherapistHomeDto HomeWith(IReadOnlyList<SessionDto> today, IReadOnlyList<GroupSummaryDto> groups) =>
        new("Dr. Taylor Reed", "Demo Recovery Clinic", TestData.Zone, new DateOnly(2026, 6, 1), today, groups);

    [Fact]
    public void Shows_todays_sessions_by_time_only_and_the_groups_led()
    {
        Home.Therapist = ApiResult<TherapistHomeDto>.Ok(HomeWith([TestData.Session(TestData.MondayEvening)], [TestData.GroupSummary()]));

        var cut = Render<TherapistHome>();

        Assert.Equal("Welcome, Dr. Taylor Reed", cut.Find("h1").TextContent);
        Assert.Contains("Monday, June 1", cut.Find(".lead").TextContent, StringComparison.Ordinal);
        var session = Assert.Single(cut.FindAll("li.session"));
        Assert.Null(session.QuerySelector(".day"));
        Assert.Equal("6:00 PM – 9:00 PM", session.QuerySelector(".time")!.TextContent);
        Assert.Contains("Tuesday-Thursday Evening Group", cut.Find("ul.groups").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_session_happening_now_has_a_join_link()
    {
        var session = TestData.Session(TestData.MondayEvening);
        Home.Therapist = ApiResult<TherapistHomeDto>.Ok(HomeWith([session], []));

        var cut = Render<TherapistHome>();

        Assert.Equal($"sessions/{session.Id}/join", cut.Find("li.session a.join-link").GetAttribute("href"));
    }

    [Fact]
    public void Cancelled_sessions_are_marked()
    {
        Home.Therapist = ApiResult<TherapistHomeDto>.Ok(HomeWith([TestData.Session(TestData.MondayEvening, status: "cancelled")], []));

        var cut = Render<TherapistHome>();

        var session = cut.Find("li.session.cancelled");
        Assert.Contains("Cancelled", session.TextContent, StringComparison.Ordinal);
        Assert.Null(session.QuerySelector(".badge.live"));
    }

    [Fact]
    public void Has_the_security_note_and_empty_states()
    {
        Home.Therapist = ApiResult<TherapistHomeDto>.Ok(HomeWith([], []));

        var cut = Render<TherapistHome>();

        Assert.Equal("Security", cut.Find("#security-heading").TextContent);
        Assert.Contains("No sessions today.", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("You do not lead a group yet.", cut.Markup, StringComparison.Ordinal);
    }
}
