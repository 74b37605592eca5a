namespace IopTelehealth.Identity.Account;

public sealed record LoginForm(string? Email, string? Password, string? ReturnUrl);

public sealed record CodeForm(string? Code, string? ReturnUrl);

public sealed record InviteForm(string? Uid, string? Token, string? Password, string? Confirm);
