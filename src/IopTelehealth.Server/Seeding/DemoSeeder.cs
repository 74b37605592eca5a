using IopTelehealth.Domain;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Identity.Users;
using IopTelehealth.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Seeding;

/// <summary>
/// Seeds the demo clinic into an empty database (never over existing data), and on every start of a demo server makes
/// sure one session of the demo group is open now, so a newcomer can try a room at any hour.
/// </summary>
internal sealed class DemoSeeder(IopDbContext db, UserManager<AppUser> users, IUserStore<AppUser> userStore, TimeProvider clock)
{
    private static readonly (string Legal, string Alias, string Contact)[] Patients =
    [
        ("Jordan Alvarez", "Sunrise", "Maria Alvarez"), ("Casey Nguyen", "River", "Linh Nguyen"), ("Riley Thompson", "Oak", "Pat Thompson"),
        ("Morgan Patel", "Harbor", "Anil Patel"), ("Avery Johnson", "Summit", "Dana Johnson"), ("Quinn O'Brien", "Meadow", "Sean O'Brien"),
        ("Jamie Rivera", "Lantern", "Rosa Rivera"), ("Drew Kowalski", "Compass", "Ewa Kowalski"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Clinics.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            await EnsureDropInSessionAsync(cancellationToken);
            return;
        }


        var clinic = new Clinic(Guid.NewGuid(), DemoAccounts.ClinicName, DemoAccounts.ClinicTimeZone);
        var program = new IopProgram(Guid.NewGuid(), clinic.Id, DemoAccounts.ProgramName, new ProgramSettings());
        db.AddRange(clinic, program);
        await db.SaveChangesAsync(cancellationToken);

        await AddStaffAsync(clinic, DemoAccounts.Admin, Roles.Admin, "Alex Morgan", "Clinical Director", cancellationToken);
        var therapist = await AddStaffAsync(clinic, DemoAccounts.Therapist, Roles.Therapist, "Dr. Taylor Reed", "LCSW, LCADC", cancellationToken);
        await AddStaffAsync(clinic, DemoAccounts.Staff, Roles.Staff, "Sam Lee", "Intake coordinator", cancellationToken);

        var group = new TherapyGroup(Guid.NewGuid(), clinic.Id, program.Id, DemoAccounts.GroupName, program.MaxGroupSize, program.MaxGroupSize);
        group.AssignTherapists([therapist.Id]);
        db.Add(group);

        var zone = clinic.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var rule = new ScheduleRule(WeekDays.Monday | WeekDays.Wednesday | WeekDays.Thursday, new TimeOnly(18, 0), 180, zone.Id, monday, monday.AddDays((12 * 7) - 1));
        var schedule = new Schedule(Guid.NewGuid(), clinic.Id, group.Id, rule, SessionTopics.Default);
        db.Add(schedule);
        var plan = ScheduleExpander.Reconcile([], ScheduleExpander.Expand(rule, schedule.Topics), clock.GetUtcNow());
        db.AddRange(plan.ToAdd.Select(slot => new GroupSession(Guid.NewGuid(), clinic.Id, group.Id, schedule.Id, slot)));

        for (var i = 0; i < Patients.Length; i++)
        {
            var (legal, alias, contact) = Patients[i];
            var user = await CreateUserAsync(clinic, DemoAccounts.Patient(i + 1), Roles.Patient);
            var patient = new PatientProfile(Guid.NewGuid(), clinic.Id, user.Id, legal, alias, new EmergencyContact(contact, $"+1-312-555-01{i + 10:00}"));
            db.Add(patient);
            db.Add(new Enrollment(Guid.NewGuid(), clinic.Id, group.Id, patient.Id, monday, null));
        }

        await db.SaveChangesAsync(cancellationToken);
        await EnsureDropInSessionAsync(cancellationToken);
    }

    private async Task EnsureDropInSessionAsync(CancellationToken cancellationToken)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Name == DemoAccounts.GroupName, cancellationToken);
        if (group is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var hasOpen = await db.Sessions.AnyAsync(s => s.GroupId == group.Id && s.ScheduledStart <= now.AddMinutes(15) && s.ScheduledEnd > now.AddMinutes(30), cancellationToken);
        if (hasOpen)
        {
            return;
        }

        var clinic = await db.Clinics.SingleAsync(c => c.Id == group.ClinicId, cancellationToken);
        var start = now.AddMinutes(-5);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, clinic.TimeZone).DateTime);
        db.Add(new GroupSession(Guid.NewGuid(), clinic.Id, group.Id, scheduleId: null, new SessionSlot(localDate, start, start.AddHours(3), DemoAccounts.DropInTopic)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<StaffProfile> AddStaffAsync(Clinic clinic, string email, string role, string name, string credentials, CancellationToken cancellationToken)
    {
        var user = await CreateUserAsync(clinic, email, role);
        // A fixed, published secret so the demo can be tried with any authenticator app; the seeder never runs in Production.
        await ((IUserAuthenticatorKeyStore<AppUser>)userStore).SetAuthenticatorKeyAsync(user, DemoAccounts.TotpSecret, cancellationToken);
        await Check(users.SetTwoFactorEnabledAsync(user, true));
        var profile = new StaffProfile(Guid.NewGuid(), clinic.Id, user.Id, name, credentials);
        db.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        return profile;
    }

    private async Task<AppUser> CreateUserAsync(Clinic clinic, string email, string role)
    {
        var user = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, ClinicId = clinic.Id, CreatedAt = clock.GetUtcNow() };
        await Check(users.CreateAsync(user, DemoAccounts.Password));
        await Check(users.AddToRoleAsync(user, role));
        return user;
    }

    private static async Task Check(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
