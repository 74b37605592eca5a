using IopTelehealth.Contracts;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.Home;

public sealed class PatientHomeTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task The_demo_patient_sees_their_alias_group_and_the_next_two_weeks_of_sessions_in_order()
    {
        var patient = await HomeCaller.DemoUserAsync(server, DemoAccounts.Patient(1), Roles.Patient);
        var now = DateTimeOffset.UtcNow;

        var result = await HomeCaller.AsAsync(server, patient, home => home.GetPatientHomeAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ApiStatus.Ok, result.Status);
        var home = result.Value!;
        Assert.Equal("Sunrise", home.DisplayAlias);
        Assert.Equal(DemoAccounts.ClinicName, home.ClinicName);
        Assert.Equal(DemoAccounts.ClinicTimeZone, home.ClinicTimeZoneId);
        var group = Assert.Single(home.Groups);
        Assert.Equal(DemoAccounts.GroupName, group.Name);
        Assert.Equal(DemoAccounts.ProgramName, group.ProgramName);
        Assert.Equal(["Dr. Taylor Reed"], group.TherapistNames);
        Assert.NotEmpty(home.UpcomingSessions);
        Assert.Contains(home.UpcomingSessions, s => s.Topic == DemoAccounts.DropInTopic);
        Assert.All(home.UpcomingSessions, s =>
        {
            Assert.Equal(DemoAccounts.GroupName, s.GroupName);
            Assert.Equal(DemoAccounts.ClinicTimeZone, s.TimeZoneId);
            Assert.True(s.ScheduledEnd > now && s.ScheduledStart < now.AddDays(14));
        });
        Assert.Equal(home.UpcomingSessions.OrderBy(s => s.ScheduledStart).Select(s => s.Id), home.UpcomingSessions.Select(s => s.Id));
    }

    [Fact]
    public async Task Cancelled_sessions_past_sessions_and_sessions_after_the_enrollment_ends_are_left_out()
    {
        var clinic = await HomeCaller.DemoClinicAsync(server);
        var today = HomeCaller.ClinicToday(clinic);
        var now = DateTimeOffset.UtcNow;
        var (userId, expected) = await server.WithDbAsync(async db =>
        {
            var program = await db.Programs.FirstAsync();
            var group = new TherapyGroup(Guid.NewGuid(), clinic.Id, program.Id, "Home test group " + Guid.NewGuid().ToString("N")[..6], 8, program.MaxGroupSize);
            var user = HomeCaller.NewUser(db, clinic.Id);
            var patient = new PatientProfile(Guid.NewGuid(), clinic.Id, user.Id, "Test Person", "Willow", new EmergencyContact("Someone", "+1-312-555-0199"));
            db.AddRange(group, patient, new Enrollment(Guid.NewGuid(), clinic.Id, group.Id, patient.Id, today.AddDays(-7), today.AddDays(3)));
            GroupSession Session(int days, string topic)
            {
                var start = now.AddDays(days);
                var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, clinic.TimeZone).DateTime);
                var session = new GroupSession(Guid.NewGuid(), clinic.Id, group.Id, null, new SessionSlot(date, start, start.AddHours(3), topic));
                db.Add(session);
                return session;
            }

            var kept = Session(1, "Kept");
            Session(2, "Cancelled").Cancel();
            Session(-1, "Over");
            Session(6, "After the enrollment ends");
            Session(20, "Beyond two weeks");
            await db.SaveChangesAsync();
            return (user.Id, kept.Id);
        });

        var result = await HomeCaller.AsAsync(server, HomeCaller.Principal(userId, clinic.Id, Roles.Patient), home => home.GetPatientHomeAsync());

        var session = Assert.Single(result.Value!.UpcomingSessions);
        Assert.Equal(expected, session.Id);
        Assert.Equal("Kept", session.Topic);
        Assert.Equal("Willow", result.Value.DisplayAlias);
    }

    [Fact]
    public async Task A_patient_token_with_another_clinics_id_finds_nothing()
    {
        var patient = await HomeCaller.DemoUserAsync(server, DemoAccounts.Patient(2), Roles.Patient);
        var forged = HomeCaller.Principal(Guid.Parse(patient.FindFirst("sub")!.Value), Guid.NewGuid(), Roles.Patient);

        var result = await HomeCaller.AsAsync(server, forged, home => home.GetPatientHomeAsync());

        Assert.Equal(ApiStatus.NotFound, result.Status);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData(Roles.Therapist)]
    [InlineData(Roles.Admin)]
    public async Task Clinicians_are_refused_the_patient_home(string role)
    {
        var clinician = await HomeCaller.DemoUserAsync(server, DemoAccounts.Therapist, role);

        var result = await HomeCaller.AsAsync(server, clinician, home => home.GetPatientHomeAsync());

        Assert.Equal(ApiStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused()
    {
        var result = await HomeCaller.AsAsync(server, new System.Security.Claims.ClaimsPrincipal(), home => home.GetPatientHomeAsync());

        Assert.Equal(ApiStatus.Forbidden, result.Status);
    }
}
