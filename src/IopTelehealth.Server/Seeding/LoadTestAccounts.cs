namespace IopTelehealth.Server.Seeding;

/// <summary>
/// Names of the load-test clinic's records, shared by the seeder and the load tool (which links this file), so both
/// agree without a database query. They exist only where Demo:LoadTestRooms is set, which Production refuses.
/// Passwords and the therapists' TOTP secret are the demo ones (<see cref="DemoAccounts"/>).
/// </summary>
public static class LoadTestAccounts
{
    public const string ClinicName = "Load Test Clinic";
    public const string ProgramName = "Load Test IOP";
    public const string Topic = "Load test session";

    /// <summary>Rooms are numbered from 1.</summary>
    public static string GroupName(int room) => $"Load Group {room:0000}";

    public static string Therapist(int room) => $"load-r{room:0000}-therapist@load.test";

    /// <summary>Patients are numbered from 1 within their room.</summary>
    public static string Patient(int room, int number) => $"load-r{room:0000}-p{number:00}@load.test";

    public static string PatientAlias(int room, int number) => $"Load {room:0000}-{number:00}";
}
