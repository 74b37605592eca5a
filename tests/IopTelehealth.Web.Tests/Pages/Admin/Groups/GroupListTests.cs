using Bunit;
using IopTelehealth.Web.Pages.Admin.Groups;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Pages.Admin.Groups;

public sealed class GroupListTests : WebTestContext
{
    [Fact]
    public void Lists_each_group_with_program_therapists_and_fill()
    {
        SignInAs(AppRoles.Admin);
        Groups.Items.Add(TestData.Group());

        var cut = Render<GroupList>();

        var row = Assert.Single(cut.FindAll("tbody tr"));
        Assert.Equal(["Tuesday-Thursday Evening Group", "Evening SUD IOP", "Dr. Taylor Reed", "8 / 12"], row.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal("admin/groups/new", cut.Find("a.button").GetAttribute("href"));
    }

    [Fact]
    public void An_empty_clinic_says_so()
    {
        SignInAs(AppRoles.Staff);

        var cut = Render<GroupList>();

        Assert.Equal("No groups yet.", cut.Find(".empty").TextContent);
        Assert.Empty(cut.FindAll("a.button"));
    }
}
