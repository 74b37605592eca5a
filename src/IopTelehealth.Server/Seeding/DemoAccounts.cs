namespace IopTelehealth.Server.Seeding;

/// <summary>The published demo credentials. They exist only where Demo:Seed is on, which Production refuses.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-Recovery-2026!";

    /// <summary>Base32 TOTP secret shared by the demo staff accounts so a newcomer can add it to an authenticator app.</summary>
    public const string TotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public const string Admin = "admin@demo.test";
    public const string Therapist = "therapist@demo.test";
    public const string Staff = "staff@demo.test";

    public const int PatientCount = 8;

    public static string Patient(int number) => $"patient{number}@demo.test";

    public const string ClinicName = "Demo Recovery Clinic";
    public const string ClinicTimeZone = "America/Chicago";
    public const string ProgramName = "Evening SUD IOP";
    public const string GroupName = "Tuesday-Thursday Evening Group";
    public const string DropInTopic = "Open practice room";
}
