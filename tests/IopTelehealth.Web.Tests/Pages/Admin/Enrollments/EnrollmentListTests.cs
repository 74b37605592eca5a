using Bunit;
using IopTelehealth.Web.Pages.Admin.Enrollments;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Pages.Admin.Enrollments;

public sealed class EnrollmentListTests : WebTestContext
{
    [Fact]
    public void Lists_each_enrollment_with_patient_group_dates_and_status()
    {
        SignInAs(AppRoles.Staff);
        Enrollments.Items.Add(TestData.Enrollment());

        var cut = Render<EnrollmentList>();

        var cells = Assert.Single(cut.FindAll("tbody tr")).QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["Jordan Alvarez (Sunrise)", "Tuesday-Thursday Evening Group", "Jun 1, 2026", "open", "active"], cells);
        Assert.Equal("admin/enrollments/new", cut.Find("a.button").GetAttribute("href"));
    }
}
