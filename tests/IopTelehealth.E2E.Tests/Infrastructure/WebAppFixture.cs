using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IopTelehealth.E2E.Tests.Infrastructure;

/// <summary>
/// The real server with the demo clinic, and one headless Chromium; each test opens its own browser context
/// (own cookies), so sign-ins never leak between tests. Media fixtures derive from it with their own server settings.
/// </summary>
public class WebAppFixture : IAsyncLifetime
{
    private readonly Dictionary<IPage, List<string>> _consoleErrors = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IopServer Server { get; private set; } = default!;

    public Uri BaseAddress => Server.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        // The room page is WebAssembly: on a loaded 2-core machine its first start can take more than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        // Launch the browser first: without Chromium there is no point starting the server.
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        Server = new IopServer(await ServerSettingsAsync());
    }

    /// <summary>Settings of the server under test beyond IopServer's own (media fixtures: Janus, loopback candidates).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>?> ServerSettingsAsync() => Task.FromResult<IReadOnlyDictionary<string, string?>?>(null);

    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            // A phone-sized screen: most patients join from one.
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Permissions = ["camera", "microphone"],
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        _consoleErrors[page] = errors;
        // A 404 for blazor.web.js or a script error shows up here long before it breaks a page visibly.
        page.Console += (_, message) =>
        {
            if (Environment.GetEnvironmentVariable("IOP_E2E_CONSOLE") == "1")
            {
                Console.WriteLine($"[{page.GetHashCode():x}] {message.Type}: {message.Text}");
            }

            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (errors)
                {
                    errors.Add($"{response.Status} {response.Request.Method} {new Uri(response.Url).AbsolutePath}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
        return page;
    }

    public IReadOnlyList<string> ConsoleErrors(IPage page)
    {
        var errors = _consoleErrors[page];
        lock (errors)
        {
            return [.. errors];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        await DisposeServicesAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>After the browser and the server: what a derived fixture started for the server (a Janus).</summary>
    protected virtual ValueTask DisposeServicesAsync() => ValueTask.CompletedTask;
}
