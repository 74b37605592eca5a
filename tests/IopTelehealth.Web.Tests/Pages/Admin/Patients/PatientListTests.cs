using Bunit;
using IopTelehealth.Web.Pages.Admin.Patients;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Pages.Admin.Patients;

public sealed class PatientListTests : WebTestContext
{
    [Fact]
    public void Lists_each_patient_with_alias_contact_and_account_state()
    {
        SignInAs(AppRoles.Staff);
        Patients.Items.AddRange([TestData.Patient(), TestData.Patient(hasPassword: false) with { Id = Guid.NewGuid(), LegalName = "Casey Nguyen", DisplayAlias = "River" }]);

        var cut = Render<PatientList>();

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Jordan Alvarez", "Sunrise", "patient1@demo.test", "Maria Alvarez, +1-312-555-0110", "active"],
            rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal("invite pending", rows[1].QuerySelectorAll("td")[4].TextContent);
    }
}
