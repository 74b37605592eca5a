using Bunit;
using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Components.Home;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Components.Home;

public sealed class PatientHomeTests : WebTestContext
{
    [Fact]
    public void Shows_the_alias_the_group_and_each_upcoming_session_in_clinic_time()
    {
        Home.Patient = ApiResult<PatientHomeDto>.Ok(new PatientHomeDto("Sunrise", "Demo Recovery Clinic", TestData.Zone, [TestData.GroupSummary()],
            [TestData.Session(TestData.MondayEvening), TestData.Session(TestData.MondayEvening.AddDays(2), "Coping skills")]));

        var cut = Render<PatientHome>();

        Assert.Equal("Hello, Sunrise", cut.Find("h1").TextContent);
        Assert.Contains("Tuesday-Thursday Evening Group", cut.Find("ul.groups").TextContent, StringComparison.Ordinal);
        Assert.Contains("Led by Dr. Taylor Reed", cut.Find("ul.groups").TextContent, StringComparison.Ordinal);
        var sessions = cut.FindAll("li.session");
        Assert.Equal(2, sessions.Count);
        Assert.Equal("Mon, Jun 1", sessions[0].QuerySelector(".day")!.TextContent);
        Assert.Equal("6:00 PM – 9:00 PM", sessions[0].QuerySelector(".time")!.TextContent);
        Assert.Equal("Wed, Jun 3", sessions[1].QuerySelector(".day")!.TextContent);
        Assert.Equal("Coping skills", sessions[1].QuerySelector(".topic")!.TextContent);
    }

    [Fact]
    public void Marks_the_session_in_progress_as_happening_now()
    {
        Home.Patient = ApiResult<PatientHomeDto>.Ok(new PatientHomeDto("Sunrise", "Demo Recovery Clinic", TestData.Zone, [TestData.GroupSummary()],
            [TestData.Session(TestData.MondayEvening), TestData.Session(TestData.MondayEvening.AddDays(2))]));

        var cut = Render<PatientHome>();

        var sessions = cut.FindAll("li.session");
        Assert.NotNull(sessions[0].QuerySelector(".badge.live"));
        Assert.Null(sessions[1].QuerySelector(".badge.live"));
    }

    [Fact]
    public void Offers_a_join_link_from_the_lobby_opening_until_the_end()
    {
        var now = TestData.MondayEvening.AddMinutes(30);
        var live = TestData.Session(TestData.MondayEvening);
        var soon = TestData.Session(now.AddMinutes(15));
        var later = TestData.Session(now.AddMinutes(16));
        var cancelled = TestData.Session(TestData.MondayEvening, status: "cancelled");
        Home.Patient = ApiResult<PatientHomeDto>.Ok(new PatientHomeDto("Sunrise", "Demo Recovery Clinic", TestData.Zone, [TestData.GroupSummary()],
            [live, soon, later, cancelled]));

        var cut = Render<PatientHome>();

        var links = cut.FindAll("a.join-link");
        Assert.Equal([$"sessions/{live.Id}/join", $"sessions/{soon.Id}/join"], links.Select(a => a.GetAttribute("href")));
        links[0].MarkupMatches($"""<a class="button join-link" href="sessions/{live.Id}/join">Join<span class="visually-hidden"> Tuesday-Thursday Evening Group</span></a>""");
    }

    [Fact]
    public void Says_so_when_there_is_no_group_and_no_session()
    {
        Home.Patient = ApiResult<PatientHomeDto>.Ok(new PatientHomeDto("Sunrise", "Demo Recovery Clinic", TestData.Zone, [], []));

        var cut = Render<PatientHome>();

        Assert.Contains("not enrolled in a group", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("No sessions in the next two weeks.", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("li.session"));
    }

    [Fact]
    public void Shows_the_services_message_when_the_home_cannot_be_read()
    {
        Home.Patient = ApiResult<PatientHomeDto>.Forbidden();

        var cut = Render<PatientHome>();

        Assert.Equal("You do not have access to this.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(cut.FindAll("h1"));
    }
}
