using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Hosting;

/// <summary>Demo and load-test accounts have a published password and TOTP secret: they must never exist in Production.</summary>
internal sealed class DemoSettingsValidator(IHostEnvironment environment) : IValidateOptions<DemoSettings>
{
    public ValidateOptionsResult Validate(string? name, DemoSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!environment.IsProduction())
        {
            return ValidateOptionsResult.Success;
        }

        List<string> failures = [];
        if (options.Seed)
        {
            failures.Add("Demo:Seed must be false in Production: the demo accounts have published credentials.");
        }

        if (options.LoadTestRooms > 0)
        {
            failures.Add("Demo:LoadTestRooms must be 0 in Production: the load-test accounts have published credentials.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
