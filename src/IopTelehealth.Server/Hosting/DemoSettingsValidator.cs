using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Hosting;

/// <summary>Demo accounts have a published password and TOTP secret: they must never exist in Production.</summary>
internal sealed class DemoSettingsValidator(IHostEnvironment environment) : IValidateOptions<DemoSettings>
{
    public ValidateOptionsResult Validate(string? name, DemoSettings options) =>
        options.Seed && environment.IsProduction()
            ? ValidateOptionsResult.Fail("Demo:Seed must be false in Production: the demo accounts have published credentials.")
            : ValidateOptionsResult.Success;
}
