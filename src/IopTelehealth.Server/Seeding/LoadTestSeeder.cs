using System.Diagnostics;
using System.Security.Cryptography;
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
/// Seeds the "Load Test Clinic" for src/IopTelehealth.LoadTool (Development only: Demo:LoadTestRooms, refused in
/// Production): groups of one therapist (TOTP with the demo secret, MFA stays on) and patients, every account with the
/// demo password, and a session of every group open now. Idempotent per group: a group and all its accounts are saved in
/// the same transaction, so a rerun adds only missing groups; every start re-opens a session where none is open.
/// </summary>
/// <remarks>
/// Fast on purpose: 150 rooms are 2,100 accounts. The demo password is hashed once and the hash is given to every
/// load-test account (one PBKDF2 run instead of 2,100; they share a published password, so a shared salt hides nothing),
/// and rows are written in batches of groups instead of one SaveChanges per account.
/// </remarks>
internal sealed partial class LoadTestSeeder(IopDbContext db, UserManager<AppUser> users, IUserStore<AppUser> userStore, TimeProvider clock,
    ILogger<LoadTestSeeder> log)
{
    private const int GroupsPerBatch = 25;

    public async Task SeedAsync(int rooms, int patientsPerRoom, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var size = Math.Max(2, patientsPerRoom);
        var clinic = await db.Clinics.SingleOrDefaultAsync(c => c.Name == LoadTestAccounts.ClinicName, cancellationToken);
        IopProgram program;
        if (clinic is null)
        {
            clinic = new Clinic(Guid.NewGuid(), LoadTestAccounts.ClinicName, DemoAccounts.ClinicTimeZone);
            program = new IopProgram(Guid.NewGuid(), clinic.Id, LoadTestAccounts.ProgramName, new ProgramSettings(MaxGroupSize: size));
            db.AddRange(clinic, program);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            program = await db.Programs.SingleAsync(p => p.ClinicId == clinic.Id && p.Name == LoadTestAccounts.ProgramName, cancellationToken);
        }

        var existing = (await db.Groups.Where(g => g.ClinicId == clinic.Id).Select(g => g.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = Enumerable.Range(1, rooms).Where(room => !existing.Contains(LoadTestAccounts.GroupName(room))).ToList();
        var hashing = TimeSpan.Zero;
        if (missing.Count > 0)
        {
            var hashWatch = Stopwatch.StartNew();
            var passwordHash = users.PasswordHasher.HashPassword(new AppUser(), DemoAccounts.Password);
            hashing = hashWatch.Elapsed;
            var roleIds = await db.Roles.Where(r => r.Name == Roles.Therapist || r.Name == Roles.Patient)
                .ToDictionaryAsync(r => r.Name!, r => r.Id, StringComparer.Ordinal, cancellationToken);
            var today = ClinicToday(clinic);
            foreach (var batch in missing.Chunk(GroupsPerBatch))
            {
                foreach (var room in batch)
                {
                    await AddGroupAsync(clinic, program, room, patientsPerRoom, size, passwordHash, roleIds, today, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        var opened = await EnsureOpenSessionsAsync(clinic, cancellationToken);
        LogSeeded(log, rooms, missing.Count, missing.Count * (patientsPerRoom + 1), opened, (long)hashing.TotalMilliseconds, watch.ElapsedMilliseconds);
    }

    private async Task AddGroupAsync(Clinic clinic, IopProgram program, int room, int patients, int capacity, string passwordHash,
        Dictionary<string, Guid> roleIds, DateOnly today, CancellationToken cancellationToken)
    {
        var therapistUser = NewUser(clinic, LoadTestAccounts.Therapist(room), passwordHash, roleIds[Roles.Therapist], mfa: true);
        // MFA stays on for load-test therapists: the tool answers with a code from the published demo secret.
        await ((IUserAuthenticatorKeyStore<AppUser>)userStore).SetAuthenticatorKeyAsync(therapistUser, DemoAccounts.TotpSecret, cancellationToken);
        var therapist = new StaffProfile(Guid.NewGuid(), clinic.Id, therapistUser.Id, $"Load Therapist {room:0000}", "LCSW");
        db.Add(therapist);

        var group = new TherapyGroup(Guid.NewGuid(), clinic.Id, program.Id, LoadTestAccounts.GroupName(room), capacity, program.MaxGroupSize);
        group.AssignTherapists([therapist.Id]);
        db.Add(group);
        for (var number = 1; number <= patients; number++)
        {
            var user = NewUser(clinic, LoadTestAccounts.Patient(room, number), passwordHash, roleIds[Roles.Patient], mfa: false);
            var patient = new PatientProfile(Guid.NewGuid(), clinic.Id, user.Id, $"Load Patient {room:0000}-{number:00}",
                LoadTestAccounts.PatientAlias(room, number), new EmergencyContact("Load Contact", "+1-312-555-0100"));
            db.Add(patient);
            // Consent already accepted: the load tool measures rooms, not the consent page.
            db.Add(new TelehealthConsent(Guid.NewGuid(), clinic.Id, patient.Id, clinic.ConsentVersion, clock.GetUtcNow()));
            db.Add(new Enrollment(Guid.NewGuid(), clinic.Id, group.Id, patient.Id, today.AddDays(-7), null));
        }
    }

    private AppUser NewUser(Clinic clinic, string email, string passwordHash, Guid roleId, bool mfa)
    {
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            NormalizedUserName = users.NormalizeName(email),
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email),
            EmailConfirmed = true,
            PasswordHash = passwordHash,
            SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            TwoFactorEnabled = mfa,
            ClinicId = clinic.Id,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        return user;
    }

    /// <summary>A session open now (started 5 minutes ago, 3 hours long) for every group that has none.</summary>
    private async Task<int> EnsureOpenSessionsAsync(Clinic clinic, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var groups = await db.Groups.Where(g => g.ClinicId == clinic.Id).Select(g => g.Id).ToListAsync(cancellationToken);
        var open = (await db.Sessions
            .Where(s => s.ClinicId == clinic.Id && s.ScheduledStart <= now.AddMinutes(15) && s.ScheduledEnd > now.AddMinutes(30))
            .Select(s => s.GroupId).ToListAsync(cancellationToken)).ToHashSet();
        var start = now.AddMinutes(-5);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, clinic.TimeZone).DateTime);
        var added = 0;
        foreach (var groupId in groups.Where(g => !open.Contains(g)))
        {
            db.Add(new GroupSession(Guid.NewGuid(), clinic.Id, groupId, scheduleId: null, new SessionSlot(localDate, start, start.AddHours(3), LoadTestAccounts.Topic)));
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private DateOnly ClinicToday(Clinic clinic) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clinic.TimeZone).DateTime);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information,
        Message = "Load-test clinic: {Rooms} rooms ({Added} groups and {Accounts} accounts added, {Opened} sessions opened) in {ElapsedMs} ms, of which password hashing {HashMs} ms")]
    private static partial void LogSeeded(ILogger logger, int rooms, int added, int accounts, int opened, long hashMs, long elapsedMs);
}
