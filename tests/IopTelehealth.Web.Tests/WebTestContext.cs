using Bunit;
using Bunit.TestDoubles;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Client.Media;
using IopTelehealth.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Web.Tests;

/// <summary>
/// Every component test starts here: fakes of all the clinic ports, a clock standing at <see cref="TestData.MondayEvening"/>,
/// and strict JS interop so any JavaScript call a page makes would have to be set up (only the room page's media components make some: MediaInterop sets them up).
/// </summary>
public abstract class WebTestContext : BunitContext
{
    protected WebTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        Services.AddSingleton<IProgramsApi>(Programs);
        Services.AddSingleton<IGroupsApi>(Groups);
        Services.AddSingleton<ISchedulesApi>(Schedules);
        Services.AddSingleton<IEnrollmentsApi>(Enrollments);
        Services.AddSingleton<IPatientsApi>(Patients);
        Services.AddSingleton<IStaffApi>(Staff);
        Services.AddSingleton<IHomeApi>(Home);
        Services.AddSingleton<TimeProvider>(new FixedClock(TestData.MondayEvening.AddMinutes(30)));
        // The room page's handle on media.js; the module's calls themselves are set up per test (MediaInterop).
        Services.AddScoped<MediaModule>();
    }

    protected FakeProgramsApi Programs { get; } = new();

    protected FakeGroupsApi Groups { get; } = new();

    protected FakeSchedulesApi Schedules { get; } = new();

    protected FakeEnrollmentsApi Enrollments { get; } = new();

    protected FakePatientsApi Patients { get; } = new();

    protected FakeStaffApi Staff { get; } = new();

    protected FakeHomeApi Home { get; } = new();

    /// <summary>Where the page sent the browser last, relative to the app's base.</summary>
    protected string CurrentPath => "/" + Services.GetRequiredService<NavigationManager>().ToBaseRelativePath(Services.GetRequiredService<NavigationManager>().Uri);

    protected BunitAuthorizationContext SignInAs(params string[] roles)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("someone@clinic.test");
        authorization.SetRoles(roles);
        return authorization;
    }
}
