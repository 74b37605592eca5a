using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using IopTelehealth.Identity.Users;

namespace IopTelehealth.Persistence.Tests.Infrastructure;

/// <summary>
/// Builders for valid domain objects. Every call makes new ids and names, so the tests of a class can share
/// one database without seeing each other's rows.
/// </summary>
internal static class Seed
{
    public const string Zone = "America/Chicago";

    public static Clinic Clinic() => new(Guid.NewGuid(), $"Clinic {Unique()}", Zone);

    public static IopProgram Program(Clinic clinic, string? name = null) =>
        new(Guid.NewGuid(), clinic.Id, name ?? $"Evening IOP {Unique()}", new ProgramSettings());

    public static TherapyGroup Group(IopProgram program) =>
        new(Guid.NewGuid(), program.ClinicId, program.Id, $"Group {Unique()}", 10, program.MaxGroupSize);

    public static AppUser User(Clinic clinic)
    {
        var email = $"{Unique()}@example.test";
        return new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            SecurityStamp = Unique(),
            ClinicId = clinic.Id,
            CreatedAt = new DateTimeOffset(2026, 1, 5, 14, 0, 0, TimeSpan.Zero),
        };
    }

    public static StaffProfile Staff(AppUser user) => new(Guid.NewGuid(), user.ClinicId, user.Id, $"Therapist {Unique()}", "LCSW");

    public static PatientProfile Patient(AppUser user) =>
        new(Guid.NewGuid(), user.ClinicId, user.Id, $"Legal {Unique()}", $"Alias {Unique()[..8]}", new EmergencyContact("Pat Doe", "+1 312 555 0100"));

    /// <summary>A clinic with a program and a group, saved.</summary>
    public static async Task<ClinicGraph> ClinicWithGroupAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var clinic = Clinic();
        var program = Program(clinic);
        var group = Group(program);
        await database.AddAsync(clinic, program, group);
        return new ClinicGraph(clinic, program, group);
    }

    /// <summary>A staff member with a sign-in account in <paramref name="clinic"/>, saved.</summary>
    public static async Task<StaffProfile> StaffMemberAsync(TestDatabase database, Clinic clinic)
    {
        ArgumentNullException.ThrowIfNull(database);
        var user = User(clinic);
        var staff = Staff(user);
        await database.AddAsync(user, staff);
        return staff;
    }

    /// <summary>A patient with a sign-in account in <paramref name="clinic"/>, saved.</summary>
    public static async Task<PatientProfile> PatientAsync(TestDatabase database, Clinic clinic)
    {
        ArgumentNullException.ThrowIfNull(database);
        var user = User(clinic);
        var patient = Patient(user);
        await database.AddAsync(user, patient);
        return patient;
    }

    private static string Unique() => Guid.NewGuid().ToString("N");
}

internal sealed record ClinicGraph(Clinic Clinic, IopProgram Program, TherapyGroup Group);
