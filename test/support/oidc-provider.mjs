// A real OpenID Connect provider (oidc-provider, the certified Node implementation) for the
// sign-in tests, run as its own process so Jest never loads it (it is ESM-only).
//
// Configuration: one JSON argument
//   { port, clients: [{ client_id, client_secret, redirect_uris }],
//     accounts: { "<login>": { password, email, name?, amr?, acr?, variant? } } }
// `variant` makes the provider hand out a faulty ID token for that account, re-signed with its own
// key, so only the check under test fails: "wrong-audience" (aud is another client) or "expired"
// (issued an hour ago, expired ten minutes ago: far beyond any clock-skew tolerance).
// Prints "READY <issuer>" on stdout when it listens on 127.0.0.1.
import http from 'node:http';
import { URLSearchParams } from 'node:url';
import Provider from 'oidc-provider';
import * as jose from 'jose';

const config = JSON.parse(process.argv[2] ?? '{}');
const issuer = `http://127.0.0.1:${config.port}`;
const accounts = config.accounts ?? {};

const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await jose.exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: (config.clients ?? []).map((c) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...c,
  })),
  jwks: { keys: [jwk] },
  cookies: { keys: ['test-cookie-key'] },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  // The e-mail claim in the ID token itself, as Entra ID, Keycloak and Google do.
  conformIdTokenClaims: false,
  claims: {
    iss: null,
    sid: null,
    // How the person signed in, always in the ID token (as Entra ID and Keycloak do).
    openid: ['sub', 'acr', 'amr', 'auth_time'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  acrValues: ['urn:test:loa2', 'urn:test:loa3'],
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, sub) {
    const account = accounts[sub];
    if (!account) return undefined;
    return {
      accountId: sub,
      claims: () => ({
        sub,
        email: account.email,
        email_verified: true,
        ...(account.name ? { name: account.name } : {}),
      }),
    };
  },
});

// The faulty ID tokens of the "variant" accounts, after the token endpoint made a good one.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || ctx.status !== 200 || !ctx.body?.id_token) return;
  const claims = jose.decodeJwt(ctx.body.id_token);
  const variant = accounts[claims.sub]?.variant;
  if (!variant) return;
  const now = Math.floor(Date.now() / 1000);
  if (variant === 'wrong-audience') claims.aud = 'een-andere-toepassing';
  if (variant === 'expired') Object.assign(claims, { iat: now - 3600, exp: now - 600 });
  ctx.body = {
    ...ctx.body,
    id_token: await new jose.SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })
      .sign(privateKey),
  };
});

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, message = '') {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test provider sign-in</title></head>
<body><h1>Test provider</h1>${message ? `<p id="message">${escape(message)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}">
<label for="login">Username</label><input id="login" name="login" autocomplete="username">
<label for="password">Password</label><input id="password" name="password" type="password">
<button type="submit" id="sign-in">Sign in</button></form></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  const m = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
  if (!m) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      return res.end(loginPage(details.uid));
    }
    const form = await readForm(req);
    const login = form.get('login') ?? '';
    const account = accounts[login];
    if (!account || account.password !== form.get('password')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(loginPage(details.uid, 'Wrong username or password'));
    }
    const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      {
        login: {
          accountId: login,
          amr: account.amr ?? ['pwd'],
          ...(account.acr ? { acr: account.acr } : {}),
        },
        consent: { grantId },
      },
      { mergeWithLastSubmission: false },
    );
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end(String(error?.message ?? error));
  }
});

server.listen(config.port, '127.0.0.1', () => process.stdout.write(`READY ${issuer}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
