using Bunit;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Pages.Admin.Groups;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Pages.Admin.Groups;

public sealed class GroupEditTests : WebTestContext
{
    public GroupEditTests()
    {
        Programs.Items.Add(TestData.Program());
        Staff.Items.AddRange([TestData.Therapist(), TestData.Admin()]);
    }

    [Fact]
    public void Offers_the_clinics_programs_and_every_staff_member_as_therapist()
    {
        var cut = Render<GroupEdit>();

        Assert.Equal(["", TestData.ProgramId.ToString()], cut.FindAll("#program option").Select(o => o.GetAttribute("value")));
        var boxes = cut.FindAll("input[type=checkbox][name='Input.TherapistIds']");
        Assert.Equal([TestData.TherapistId.ToString(), TestData.AdminId.ToString()], boxes.Select(b => b.GetAttribute("value")));
        Assert.Contains("Dr. Taylor Reed", cut.Find("fieldset.choices").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Program_and_name_are_required()
    {
        var cut = Render<GroupEdit>();

        cut.Find("form").Submit();

        Assert.Equal("The ProgramId field is required.", cut.Find("#program ~ .validation-message").TextContent);
        Assert.Equal("The Name field is required.", cut.Find("#name ~ .validation-message").TextContent);
        Assert.Empty(Groups.Created);
    }

    [Fact]
    public void Checked_therapists_are_sent_with_the_group()
    {
        Groups.Items.Add(TestData.Group());
        var cut = Render<GroupEdit>();
        cut.Find("#program").Change(TestData.ProgramId.ToString());
        cut.Find("#name").Change("Morning Group");

        cut.Find($"#therapist-{TestData.AdminId}").Change(true);
        cut.Find($"#therapist-{TestData.TherapistId}").Change(true);
        cut.Find($"#therapist-{TestData.AdminId}").Change(false);
        cut.Find("form").Submit();

        var created = Assert.Single(Groups.Created);
        Assert.Equal(TestData.ProgramId, created.ProgramId);
        Assert.Equal([TestData.TherapistId], created.TherapistIds);
        Assert.Equal("/admin/groups", CurrentPath);
    }

    [Fact]
    public void Editing_shows_the_assigned_therapists_checked_and_the_servers_capacity_error()
    {
        Groups.Items.Add(TestData.Group());
        Groups.SaveAnswer = _ => TestData.Invalid<GroupDto>("Capacity", "Capacity cannot exceed the program's maximum of 12.");
        var cut = Render<GroupEdit>(p => p.Add(x => x.Id, TestData.GroupId));

        Assert.True(cut.Find($"#therapist-{TestData.TherapistId}").HasAttribute("checked"));
        Assert.False(cut.Find($"#therapist-{TestData.AdminId}").HasAttribute("checked"));
        cut.Find("#capacity").Change("14");
        cut.Find("form").Submit();

        Assert.Equal("Capacity cannot exceed the program's maximum of 12.", cut.Find("#capacity ~ .validation-message").TextContent);
        Assert.Equal(TestData.GroupId, Assert.Single(Groups.Updated).Id);
    }
}
