using IopTelehealth.Contracts;
using IopTelehealth.Domain;
using IopTelehealth.Domain.People;
using IopTelehealth.Server.Home;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Home;

public sealed class TherapistHomeTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task The_demo_therapist_sees_today_in_the_clinics_zone_and_the_group_they_lead()
    {
        var therapist = await HomeCaller.DemoUserAsync(server, DemoAccounts.Therapist, Roles.Therapist);
        var clinic = await HomeCaller.DemoClinicAsync(server);
        var today = HomeCaller.ClinicToday(clinic);

        var result = await HomeCaller.AsAsync(server, therapist, home => home.GetTherapistHomeAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ApiStatus.Ok, result.Status);
        var home = result.Value!;
        Assert.Equal("Dr. Taylor Reed", home.DisplayName);
        Assert.Equal(DemoAccounts.ClinicTimeZone, home.ClinicTimeZoneId);
        Assert.Equal(today, home.Today);
        var group = Assert.Single(home.MyGroups);
        Assert.Equal(DemoAccounts.GroupName, group.Name);
        Assert.All(home.TodaySessions, s =>
        {
            Assert.Equal(group.Id, s.GroupId);
            Assert.Equal(today, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.ScheduledStart, clinic.TimeZone).DateTime));
        });
        Assert.Equal(home.TodaySessions.OrderBy(s => s.ScheduledStart).Select(s => s.Id), home.TodaySessions.Select(s => s.Id));
    }

    [Fact]
    public async Task A_therapist_who_leads_no_group_sees_no_sessions_while_staff_see_the_whole_clinic()
    {
        var clinic = await HomeCaller.DemoClinicAsync(server);
        var newcomer = await server.WithDbAsync(async db =>
        {
            var user = HomeCaller.NewUser(db, clinic.Id);
            db.Add(new StaffProfile(Guid.NewGuid(), clinic.Id, user.Id, "Dr. New Colleague", null));
            await db.SaveChangesAsync();
            return user.Id;
        });
        var staff = await HomeCaller.DemoUserAsync(server, DemoAccounts.Staff, Roles.Staff);

        var alone = await HomeCaller.AsAsync(server, HomeCaller.Principal(newcomer, clinic.Id, Roles.Therapist), home => home.GetTherapistHomeAsync());
        var clinicWide = await HomeCaller.AsAsync(server, staff, home => home.GetTherapistHomeAsync());

        Assert.Equal("Dr. New Colleague", alone.Value!.DisplayName);
        Assert.Empty(alone.Value.MyGroups);
        Assert.Empty(alone.Value.TodaySessions);
        Assert.Equal("Sam Lee", clinicWide.Value!.DisplayName);
        Assert.Contains(clinicWide.Value.MyGroups, g => g.Name == DemoAccounts.GroupName);
    }

    [Fact]
    public async Task Patients_are_refused_the_clinician_home()
    {
        var patient = await HomeCaller.DemoUserAsync(server, DemoAccounts.Patient(3), Roles.Patient);

        var result = await HomeCaller.AsAsync(server, patient, home => home.GetTherapistHomeAsync());

        Assert.Equal(ApiStatus.Forbidden, result.Status);
    }

    [Fact]
    public void The_clinics_day_is_23_hours_long_when_clocks_spring_forward()
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

        var (start, end) = HomeService.ClinicDayBounds(new DateOnly(2026, 3, 8), chicago);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 6, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.FromHours(23), end - start);
    }
}
