using System.Security.Cryptography.X509Certificates;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BlogSite.Accounts;

public static class AccountServiceCollectionExtensions
{
    public const string StaffPolicy = "Staff";
    public const string ModeratePolicy = "Moderate";
    public const string AdministerPolicy = "Administer";
    public const string WritePolicy = "Write";
    public const string AuthCookieName = "blog_auth";

    public static IServiceCollection AddBlogAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIdentity<BlogUser, IdentityRole>(options =>
            {
                // Length over composition rules, as current guidance (NIST SP 800-63B) recommends.
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<BlogDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = AuthCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);

            // A signed-in user without the role gets a plain 403 (shown by the error page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // Sign-out, a password change, a role change and disabling give the user a new security stamp; every
        // session checks its stamp this often, so the user's other sessions end within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        // Keys in the store: sign-ins and open forms survive restarts and work across instances.
        var keys = services.AddDataProtection().SetApplicationName("BlogSite").PersistKeysToDbContext<BlogDbContext>();
        var protection = configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        if (!string.IsNullOrWhiteSpace(protection.CertificatePath))
        {
            keys.ProtectKeysWithCertificate(LoadCertificate(protection, environment.ContentRootPath));
        }
        else
        {
            // Plain keys by choice, said once at Information. Without an encryptor the key manager warns at every new
            // key, and silencing its logger would hide its real warnings; the null encryptor's logger says only this one thing.
            services.AddLogging(logging => logging.AddFilter(typeof(NullXmlEncryptor).FullName, LogLevel.Error));
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            {
                options.XmlEncryptor = new NullXmlEncryptor(provider);
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<KeyProtectionOptions>().LogInformation(
                    "Data-protection keys are kept unencrypted in the store; set DataProtection:CertificatePath to encrypt them with a certificate");
            }));
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(Roles.All))
            .AddPolicy(ModeratePolicy, policy => policy.RequireRole(Roles.Admin, Roles.Moderator))
            .AddPolicy(AdministerPolicy, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(WritePolicy, policy => policy.RequireRole(Roles.Admin, Roles.Author));

        services.AddScoped<UserCommands>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<NotificationSettings>();
        services.AddScoped<PasswordReset>();
        services.AddSingleton<PasswordResetRequests>();
        services.AddHostedService(provider => provider.GetRequiredService<PasswordResetRequests>());
        // Identity's own bound on a reset token, in real time, beside the link's expiry on the site's clock.
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<Email.EmailOptions>>((tokens, email) =>
            tokens.TokenLifespan = TimeSpan.FromMinutes(email.Value.PasswordResetMinutes));
        services.AddSingleton<StaffSignIn.UnknownUserHash>();
        services.AddSingleton<SignInLimiter>();
        services.AddOptions<KeyProtectionOptions>().BindConfiguration(KeyProtectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoAccountOptions>().BindConfiguration(DemoAccountOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    private static X509Certificate2 LoadCertificate(KeyProtectionOptions protection, string contentRoot)
    {
        var path = Path.GetFullPath(protection.CertificatePath!, contentRoot);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath names {path}, which does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, protection.CertificatePassword);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate in {path} has no private key, so it could not decrypt the keys it encrypts.");
    }
}
