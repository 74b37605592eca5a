using Microsoft.Playwright;

namespace IopTelehealth.E2E.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright. The browser is never downloaded: a machine without it fails these tests
/// with an instruction, because a skipped browser test reads like a passing one.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Flags measured to work headless on this kind of machine (see STACK-NOTES.md).</summary>
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage", "--disable-quic", "--allow-loopback-in-peer-connection",
        "--disable-features=WebRtcHideLocalIpsWithMdns",
        // Remote sound plays without a click on each page (the tests click Join, but not always on the page that plays).
        "--autoplay-policy=no-user-gesture-required",
    ];

    /// <summary>IOP_CHROMIUM overrides the path (e.g. another distribution's binary); otherwise /usr/bin/chromium.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("IOP_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        var path = ExecutablePath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. Install Debian's package (apt-get install chromium) or set IOP_CHROMIUM; " +
                "the browser tests never download a browser and never skip.");
        }

        // Playwright gives every launch a fresh temporary profile, so no --user-data-dir is passed.
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = Flags });
    }
}
