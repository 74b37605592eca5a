using Bunit;
using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Components.Home;
using IopTelehealth.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using HomePage = IopTelehealth.Web.Pages.Home;

namespace IopTelehealth.Web.Tests.Pages;

public sealed class HomeTests : WebTestContext
{
    public HomeTests()
    {
        Home.Patient = ApiResult<PatientHomeDto>.Ok(new PatientHomeDto("Sunrise", "Demo Recovery Clinic", TestData.Zone, [], []));
        Home.Therapist = ApiResult<TherapistHomeDto>.Ok(new TherapistHomeDto("Dr. Taylor Reed", "Demo Recovery Clinic", TestData.Zone,
            new DateOnly(2026, 6, 1), [], []));
    }

    [Fact]
    public void A_patient_gets_the_patient_home()
    {
        SignInAs(AppRoles.Patient);

        var cut = Render<HomePage>();

        Assert.True(cut.HasComponent<PatientHome>());
        Assert.False(cut.HasComponent<TherapistHome>());
        Assert.False(cut.HasComponent<AdminHome>());
    }

    [Fact]
    public void A_therapist_gets_the_therapist_home()
    {
        SignInAs(AppRoles.Therapist);

        var cut = Render<HomePage>();

        Assert.True(cut.HasComponent<TherapistHome>());
        Assert.False(cut.HasComponent<PatientHome>());
    }

    [Theory]
    [InlineData(AppRoles.Admin)]
    [InlineData(AppRoles.Staff)]
    public void Admins_and_staff_get_the_clinic_home(string role)
    {
        SignInAs(role);

        var cut = Render<HomePage>();

        Assert.True(cut.HasComponent<AdminHome>());
        Assert.False(cut.HasComponent<TherapistHome>());
    }

    [Fact]
    public void An_admin_who_also_leads_a_group_still_gets_the_clinic_home()
    {
        SignInAs(AppRoles.Therapist, AppRoles.Admin);

        var cut = Render<HomePage>();

        Assert.True(cut.HasComponent<AdminHome>());
    }

    [Fact]
    public void Anonymous_visitors_get_a_sign_in_link_that_leaves_the_app()
    {
        AddAuthorization();

        var cut = Render<HomePage>();

        var link = cut.Find("a.button");
        Assert.Equal("signin", link.GetAttribute("href"));
        Assert.Equal("false", link.GetAttribute("data-enhance-nav"));
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Fact]
    public void A_failed_sign_in_is_reported()
    {
        AddAuthorization();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("signin", "failed"));

        var cut = Render<HomePage>();

        Assert.Contains("Sign-in did not complete", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }
}
