using Bunit;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Pages.Admin.Staff;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Pages.Admin.Staff;

public sealed class StaffEditTests : WebTestContext
{
    [Fact]
    public void Email_and_name_are_required_and_role_is_a_choice_of_three()
    {
        var cut = Render<StaffEdit>();

        cut.Find("form").Submit();

        Assert.Equal("The Email field is required.", cut.Find("#email ~ .validation-message").TextContent);
        Assert.Equal("The DisplayName field is required.", cut.Find("#name ~ .validation-message").TextContent);
        Assert.Equal(["therapist", "staff", "admin"], cut.FindAll("#role option").Select(o => o.GetAttribute("value")));
        Assert.Empty(Staff.Created);
    }

    [Fact]
    public void A_taken_email_is_shown_next_to_the_email()
    {
        Staff.SaveAnswer = _ => TestData.Invalid<StaffDto>("Email", "An account with this e-mail already exists.");
        var cut = Render<StaffEdit>();
        cut.Find("#email").Change("therapist@demo.test");
        cut.Find("#name").Change("Dr. Taylor Reed");
        cut.Find("#role").Change("staff");

        cut.Find("form").Submit();

        Assert.Equal("staff", Assert.Single(Staff.Created).Role);
        Assert.Equal("An account with this e-mail already exists.", cut.Find("#email ~ .validation-message").TextContent);
    }

    [Fact]
    public void An_admin_can_issue_an_invite_and_reset_two_step_verification()
    {
        Staff.Items.Add(TestData.Therapist());
        var cut = Render<StaffEdit>(p => p.Add(x => x.Id, TestData.TherapistId));
        Assert.Equal("Dr. Taylor Reed", cut.Find("#name").GetAttribute("value"));

        cut.Find("form.invite-form").Submit();
        cut.Find("form.reset-mfa-form").Submit();

        Assert.Equal([TestData.TherapistId], Staff.Invited);
        Assert.Equal([TestData.TherapistId], Staff.MfaResets);
        Assert.Equal(TestData.Invite.Url.ToString(), cut.Find("#invite-link").GetAttribute("value"));
        Assert.Contains("Two-step verification was reset", cut.Find(".notice[role=status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_an_existing_member_returns_to_the_list()
    {
        Staff.Items.Add(TestData.Therapist());
        var cut = Render<StaffEdit>(p => p.Add(x => x.Id, TestData.TherapistId));

        cut.Find("#credentials").Change("LCSW");
        cut.Find("form").Submit();

        Assert.Equal("LCSW", Assert.Single(Staff.Updated).Input.Credentials);
        Assert.Equal("/admin/staff", CurrentPath);
    }
}
