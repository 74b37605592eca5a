using Bunit;
using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Pages.Admin.Programs;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Pages.Admin.Programs;

public sealed class ProgramListTests : WebTestContext
{
    [Fact]
    public void Lists_each_program_with_its_rules_and_a_link_to_edit()
    {
        SignInAs(AppRoles.Admin);
        Programs.Items.Add(TestData.Program());

        var cut = Render<ProgramList>();

        var row = Assert.Single(cut.FindAll("tbody tr"));
        Assert.Equal($"admin/programs/{TestData.ProgramId}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["Evening SUD IOP", "9", "180", "12", "10 / 10"], row.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal("admin/programs/new", cut.Find("a.button").GetAttribute("href"));
    }

    [Fact]
    public void Staff_read_the_list_but_get_no_new_button()
    {
        SignInAs(AppRoles.Staff);
        Programs.Items.Add(TestData.Program());

        var cut = Render<ProgramList>();

        Assert.Single(cut.FindAll("tbody tr"));
        Assert.Empty(cut.FindAll("a.button"));
    }

    [Fact]
    public void A_refused_list_shows_the_reason()
    {
        SignInAs(AppRoles.Staff);
        Programs.ListAnswer = ApiResult<IReadOnlyList<ProgramDto>>.Forbidden();

        var cut = Render<ProgramList>();

        Assert.Equal("You do not have access to this.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(cut.FindAll("table"));
    }
}
