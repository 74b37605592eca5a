using IopTelehealth.Server.Seeding;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Hosting;

/// <summary>What a newcomer needs to try the server: where it listens and, for the demo, how to sign in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, TextWriter output)
    {
        var urls = string.Join(", ", app.Urls);
        output.WriteLine();
        output.WriteLine($"IopTelehealth is listening on {urls}");
        if (!app.Services.GetRequiredService<IOptions<DemoSettings>>().Value.Seed)
        {
            return;
        }

        output.WriteLine($"Demo clinic: {DemoAccounts.ClinicName} ({DemoAccounts.ClinicTimeZone}); every demo password is {DemoAccounts.Password}");
        output.WriteLine($"  admin      {DemoAccounts.Admin}     (TOTP)");
        output.WriteLine($"  therapist  {DemoAccounts.Therapist} (TOTP)");
        output.WriteLine($"  staff      {DemoAccounts.Staff}     (TOTP)");
        output.WriteLine($"  patients   {DemoAccounts.Patient(1)} ... {DemoAccounts.Patient(DemoAccounts.PatientCount)}");
        output.WriteLine($"Demo TOTP secret for the staff accounts (add it to any authenticator app): {DemoAccounts.TotpSecret}");
        output.WriteLine();
    }
}
