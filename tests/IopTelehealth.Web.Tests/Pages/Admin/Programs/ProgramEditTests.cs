using Bunit;
using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Pages.Admin.Programs;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Pages.Admin.Programs;

public sealed class ProgramEditTests : WebTestContext
{
    [Fact]
    public void Empty_name_is_refused_in_the_form_without_calling_the_server()
    {
        var cut = Render<ProgramEdit>();

        cut.Find("form").Submit();

        Assert.Equal("The Name field is required.", cut.Find("#name ~ .validation-message").TextContent);
        Assert.Empty(Programs.Created);
    }

    [Fact]
    public void Out_of_range_hours_are_refused_next_to_the_field()
    {
        var cut = Render<ProgramEdit>();
        cut.Find("#name").Change("Morning IOP");

        cut.Find("#hours").Change("80");
        cut.Find("form").Submit();

        Assert.Contains("must be between 1 and 40", cut.Find("#hours ~ .validation-message").TextContent, StringComparison.Ordinal);
        Assert.Empty(Programs.Created);
    }

    [Fact]
    public void Server_field_errors_appear_next_to_their_fields()
    {
        Programs.SaveAnswer = _ => ApiResult<ProgramDto>.Invalid("Name", "A program with this name already exists.");
        var cut = Render<ProgramEdit>();
        cut.Find("#name").Change("Evening SUD IOP");

        cut.Find("form").Submit();

        Assert.Equal("A program with this name already exists.", cut.Find("#name ~ .validation-message").TextContent);
        Assert.Single(Programs.Created);
        Assert.EndsWith("/", CurrentPath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_new_program_is_created_and_the_list_is_shown()
    {
        Programs.Items.Add(TestData.Program());
        var cut = Render<ProgramEdit>();
        cut.Find("#name").Change("Morning IOP");
        cut.Find("#minutes").Change("120");

        cut.Find("form").Submit();

        var created = Assert.Single(Programs.Created);
        Assert.Equal("Morning IOP", created.Name);
        Assert.Equal(120, created.MinimumMinutesPerDay);
        Assert.Equal("/admin/programs", CurrentPath);
    }

    [Fact]
    public void Editing_starts_from_the_stored_program_and_updates_it()
    {
        Programs.Items.Add(TestData.Program());
        var cut = Render<ProgramEdit>(p => p.Add(x => x.Id, TestData.ProgramId));

        Assert.Equal("Evening SUD IOP", cut.Find("#name").GetAttribute("value"));
        cut.Find("#size").Change("10");
        cut.Find("form").Submit();

        var (id, input) = Assert.Single(Programs.Updated);
        Assert.Equal(TestData.ProgramId, id);
        Assert.Equal(10, input.MaxGroupSize);
        Assert.Equal("/admin/programs", CurrentPath);
    }

    [Fact]
    public void An_unknown_program_shows_not_found_instead_of_a_form()
    {
        var cut = Render<ProgramEdit>(p => p.Add(x => x.Id, Guid.NewGuid()));

        Assert.Equal("Not found.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(cut.FindAll("form"));
    }
}
