// oidc-provider configured the way the national portal's VNeID login is used by a service:
// authorization-code flow, confidential client, PKCE S256, RS256 ID tokens, the portal's claim names.
import crypto from 'node:crypto';
import Provider from 'oidc-provider';
import { logoutSource, postLogoutSuccessSource, renderError } from './pages.mjs';

// Claims as the portal names them. `sub` is an opaque id (see subjectFor); SoDinhDanh is a claim.
export const CLAIM_NAMES = ['SoDinhDanh', 'HoVaTen', 'NgayThangNamSinh', 'GioiTinh', 'SoDienThoai',
  'ThuDienTu', 'ThuongTru', 'loAs', 'IAL'];

// Stable across restarts (so a linked account keeps working when the sandbox is restarted), and
// deliberately not the identity number, so a client cannot mistake `sub` for SoDinhDanh.
export function subjectFor(soDinhDanh) {
  return crypto.createHmac('sha256', 'cdscb-vneid-sandbox-subject').update(soDinhDanh).digest('hex').slice(0, 32);
}

export function loadCitizens(list) {
  const bySubject = new Map();
  for (const citizen of list) {
    if (!/^\d{12}$/.test(citizen.SoDinhDanh)) throw new Error(`citizen ${citizen.SoDinhDanh}: SoDinhDanh must be 12 digits`);
    bySubject.set(subjectFor(citizen.SoDinhDanh), citizen);
  }
  return bySubject;
}

function rsaSigningKey() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  const kid = crypto.createHash('sha256').update(jwk.n).digest('base64url').slice(0, 16);
  return { ...jwk, kid, alg: 'RS256', use: 'sig' };
}

// Registered clients may use any port on a loopback redirect URI (RFC 8252 §7.3), for test
// harnesses that start the app on a free port after the provider.
function allowAnyLoopbackPort(provider) {
  const exact = provider.Client.prototype.redirectUriAllowed;
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value) {
    if (exact.call(this, value)) return true;
    const withoutPort = (href) => {
      const url = URL.canParse(href) ? new URL(href) : null;
      if (!url || url.protocol !== 'http:' || !['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname)) return null;
      url.port = '';
      return url.href;
    };
    const requested = withoutPort(value);
    return requested !== null && this.redirectUris.some((allowed) => withoutPort(allowed) === requested);
  };
}

export function createProvider({ issuer, clients, citizens, anyLoopbackPort = false }) {
  const configuration = {
    clients: clients.map(({ clientId, clientSecret, clientName, redirectUris }) => ({
      client_id: clientId,
      client_secret: clientSecret,
      client_name: clientName ?? clientId,
      redirect_uris: redirectUris,
      post_logout_redirect_uris: redirectUris.map((uri) => new URL(uri).origin + '/'),
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic', // client_secret_post is accepted too
      id_token_signed_response_alg: 'RS256',
    })),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    responseTypes: ['code'],
    pkce: { methods: ['S256'], required: () => true },
    scopes: ['openid', 'profile'],
    claims: { openid: ['sub'], profile: CLAIM_NAMES },
    // The portal puts the citizen's claims in the ID token as well as in userinfo.
    conformIdTokenClaims: false,
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
    jwks: { keys: [rsaSigningKey()] },
    cookies: {
      keys: [crypto.randomBytes(32).toString('base64url')],
      // SameSite=None cookies without Secure are dropped by browsers, and the sandbox speaks http.
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 10 * 60,
      IdToken: 10 * 60,
      Interaction: 10 * 60,
      Session: 60 * 60,
      Grant: 60 * 60,
    },
    async findAccount(ctx, sub) {
      const citizen = citizens.get(sub);
      if (!citizen) return undefined;
      return {
        accountId: sub,
        async claims() {
          const claims = { sub };
          for (const name of CLAIM_NAMES) if (citizen[name] !== undefined) claims[name] = citizen[name];
          return claims;
        },
      };
    },
    renderError,
    discovery: { ui_locales_supported: ['vi'], claims_locales_supported: ['vi'] },
  };
  const provider = new Provider(issuer, configuration);
  if (anyLoopbackPort) allowAnyLoopbackPort(provider);
  return provider;
}
