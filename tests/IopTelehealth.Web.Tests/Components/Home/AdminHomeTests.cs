using Bunit;
using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Components.Home;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Components.Home;

public sealed class AdminHomeTests : WebTestContext
{
    [Fact]
    public void Links_every_clinic_record_and_shows_the_clinics_day()
    {
        Home.Therapist = ApiResult<TherapistHomeDto>.Ok(new TherapistHomeDto("Alex Morgan", "Demo Recovery Clinic", TestData.Zone,
            new DateOnly(2026, 6, 1), [TestData.Session(TestData.MondayEvening)], [TestData.GroupSummary()]));

        var cut = Render<AdminHome>();

        var links = cut.FindAll("nav.tiles a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["admin/patients", "admin/enrollments", "admin/schedules", "admin/groups", "admin/programs", "admin/staff"], links);
        Assert.Equal("Today in the clinic", cut.Find("#today-heading").TextContent);
        Assert.Single(cut.FindAll("li.session"));
        Assert.Single(cut.FindAll("li.group-card"));
        Assert.NotNull(cut.Find("section.security"));
    }

    [Fact]
    public void Shows_the_services_message_when_the_day_cannot_be_read()
    {
        Home.Therapist = ApiResult<TherapistHomeDto>.NotFound();

        var cut = Render<AdminHome>();

        Assert.Equal("Not found.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(cut.FindAll("nav.tiles"));
    }
}
