using Bunit;
using IopTelehealth.Web.Pages.Admin.Staff;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Pages.Admin.Staff;

public sealed class StaffListTests : WebTestContext
{
    public StaffListTests() => Staff.Items.AddRange([TestData.Therapist(), TestData.Admin() with { MfaEnabled = false, HasPassword = false }]);

    [Fact]
    public void Admins_see_every_staff_member_with_role_and_two_step_state_and_can_open_them()
    {
        SignInAs(AppRoles.Admin);

        var cut = Render<StaffList>();

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal($"admin/staff/{TestData.TherapistId}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["therapist", "therapist@demo.test", "on"], rows[0].QuerySelectorAll("td").Skip(1).Select(td => td.TextContent));
        Assert.Equal("invite pending", rows[1].QuerySelectorAll("td")[3].TextContent);
        Assert.Equal("admin/staff/new", cut.Find("a.button").GetAttribute("href"));
    }

    [Fact]
    public void Staff_read_the_list_without_edit_links()
    {
        SignInAs(AppRoles.Staff);

        var cut = Render<StaffList>();

        Assert.Equal(2, cut.FindAll("tbody tr").Count);
        Assert.Empty(cut.FindAll("tbody a"));
        Assert.Empty(cut.FindAll("a.button"));
    }
}
