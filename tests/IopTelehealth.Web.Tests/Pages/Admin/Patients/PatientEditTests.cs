using Bunit;
using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Components.Invites;
using IopTelehealth.Web.Pages.Admin.Patients;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Pages.Admin.Patients;

public sealed class PatientEditTests : WebTestContext
{
    [Fact]
    public void Malformed_email_and_phone_are_refused_in_the_form()
    {
        var cut = Render<PatientEdit>();
        cut.Find("#email").Change("not-an-email");
        cut.Find("#contact-phone").Change("call me");

        cut.Find("form").Submit();

        Assert.Equal("The Email field is not a valid e-mail address.", cut.Find("#email ~ .validation-message").TextContent);
        Assert.Equal("The EmergencyContactPhone field is not a valid phone number.", cut.Find("#contact-phone ~ .validation-message").TextContent);
        Assert.Equal("The DisplayAlias field is required.", cut.Find("#alias ~ .validation-message").TextContent);
        Assert.Empty(Patients.Created);
    }

    [Fact]
    public void The_servers_alias_rule_is_shown_next_to_the_alias()
    {
        Patients.SaveAnswer = _ => TestData.Invalid<PatientDto>("DisplayAlias", "DisplayAlias must differ from the legal name: peers see the alias.");
        var cut = Render<PatientEdit>();
        Fill(cut, alias: "Jordan Alvarez");

        cut.Find("form").Submit();

        Assert.Equal("DisplayAlias must differ from the legal name: peers see the alias.", cut.Find("#alias ~ .validation-message").TextContent);
    }

    [Fact]
    public void A_new_patient_lands_on_their_page_to_issue_the_invite()
    {
        Patients.SaveAnswer = _ => ApiResult<PatientDto>.Ok(TestData.Patient(hasPassword: false));
        var cut = Render<PatientEdit>();
        Fill(cut, alias: "Sunrise");

        cut.Find("form").Submit();

        var created = Assert.Single(Patients.Created);
        Assert.Equal("Sunrise", created.DisplayAlias);
        Assert.Equal("+1-312-555-0110", created.EmergencyContactPhone);
        Assert.Equal($"/admin/patients/{TestData.PatientId}", CurrentPath);
    }

    [Fact]
    public void Issuing_an_invite_shows_the_link_to_copy()
    {
        Patients.Items.Add(TestData.Patient(hasPassword: false));
        var cut = Render<PatientEdit>(p => p.Add(x => x.Id, TestData.PatientId));
        Assert.Contains("has not chosen a password yet", cut.Find("section.account").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindComponents<InviteLink>());

        cut.Find("form.invite-form").Submit();

        Assert.Equal([TestData.PatientId], Patients.Invited);
        Assert.Equal(TestData.Invite.Url.ToString(), cut.Find("#invite-link").GetAttribute("value"));
        Assert.Equal("Invite link for Sunrise", cut.Find(".invite label").TextContent);
    }

    [Fact]
    public void A_refused_invite_is_explained()
    {
        Patients.Items.Add(TestData.Patient());
        Patients.InviteAnswer = ApiResult<InviteDto>.Forbidden();
        var cut = Render<PatientEdit>(p => p.Add(x => x.Id, TestData.PatientId));

        cut.Find("form.invite-form").Submit();

        Assert.Equal("You do not have access to this.", cut.Find("section.account [role=alert]").TextContent.Trim());
        Assert.Empty(cut.FindAll("#invite-link"));
    }

    [Fact]
    public void Editing_starts_from_the_stored_patient()
    {
        Patients.Items.Add(TestData.Patient());

        var cut = Render<PatientEdit>(p => p.Add(x => x.Id, TestData.PatientId));

        Assert.Equal("Jordan Alvarez", cut.Find("#legal-name").GetAttribute("value"));
        Assert.Equal("Maria Alvarez", cut.Find("#contact-name").GetAttribute("value"));
        Assert.Equal("Edit patient", cut.Find("h1").TextContent);
    }

    private static void Fill(IRenderedComponent<PatientEdit> cut, string alias)
    {
        cut.Find("#email").Change("patient1@demo.test");
        cut.Find("#legal-name").Change("Jordan Alvarez");
        cut.Find("#alias").Change(alias);
        cut.Find("#contact-name").Change("Maria Alvarez");
        cut.Find("#contact-phone").Change("+1-312-555-0110");
    }
}
