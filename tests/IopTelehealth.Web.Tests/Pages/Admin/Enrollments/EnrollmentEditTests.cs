using Bunit;
using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Pages.Admin.Enrollments;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Pages.Admin.Enrollments;

public sealed class EnrollmentEditTests : WebTestContext
{
    public EnrollmentEditTests()
    {
        Patients.Items.Add(TestData.Patient());
        Groups.Items.Add(TestData.Group());
    }

    [Fact]
    public void Offers_patients_groups_and_the_four_statuses()
    {
        var cut = Render<EnrollmentEdit>();

        Assert.Equal(["Choose a patient…", "Jordan Alvarez (Sunrise)"], cut.FindAll("#patient option").Select(o => o.TextContent));
        Assert.Equal(["Choose a group…", "Tuesday-Thursday Evening Group (8 / 12)"], cut.FindAll("#group option").Select(o => o.TextContent));
        Assert.Equal(EnrollmentStatuses.All, cut.FindAll("#status option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void Patient_group_and_first_day_are_required()
    {
        var cut = Render<EnrollmentEdit>();

        cut.Find("form").Submit();

        Assert.Equal("The PatientId field is required.", cut.Find("#patient ~ .validation-message").TextContent);
        Assert.Equal("The GroupId field is required.", cut.Find("#group ~ .validation-message").TextContent);
        Assert.Equal("The StartDate field is required.", cut.Find("#start-date ~ .validation-message").TextContent);
        Assert.Empty(Enrollments.Created);
    }

    [Fact]
    public void A_full_group_is_reported_above_the_form()
    {
        Enrollments.SaveAnswer = _ => ApiResult<EnrollmentDto>.Conflict("The group is full (12 of 12).");
        var cut = Render<EnrollmentEdit>();
        cut.Find("#patient").Change(TestData.PatientId.ToString());
        cut.Find("#group").Change(TestData.GroupId.ToString());
        cut.Find("#start-date").Change("2026-06-01");

        cut.Find("form").Submit();

        Assert.Equal("The group is full (12 of 12).", cut.Find(".alert[role=alert]").TextContent.Trim());
        Assert.Single(Enrollments.Created);
    }

    [Fact]
    public void Stepping_a_patient_down_updates_the_enrollment()
    {
        Enrollments.Items.Add(TestData.Enrollment());
        var cut = Render<EnrollmentEdit>(p => p.Add(x => x.Id, TestData.Enrollment().Id));

        cut.Find("#status").Change(EnrollmentStatuses.SteppedDown);
        cut.Find("#end-date").Change("2026-07-01");
        cut.Find("form").Submit();

        var (_, input) = Assert.Single(Enrollments.Updated);
        Assert.Equal(EnrollmentStatuses.SteppedDown, input.Status);
        Assert.Equal(new DateOnly(2026, 7, 1), input.EndDate);
        Assert.Equal(TestData.PatientId, input.PatientId);
        Assert.Equal("/admin/enrollments", CurrentPath);
    }
}
