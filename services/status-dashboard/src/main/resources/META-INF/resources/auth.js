/*
 * Sign-in for the dashboard's pages: OpenID Connect authorization code flow with PKCE (RFC 7636) against the provider
 * that GET sign-in/config names, as a public client (no secret in the page). The access token stays in this tab's
 * sessionStorage and goes to /api as a bearer token; it never appears in a URL (so not in any access log).
 * The live stream is read with fetch() (EventSource cannot send an Authorization header) and parsed as text/event-stream.
 * README, "Authentication → the dashboard's page".
 */
(function () {
  'use strict';

  const TOKEN = 'breachflow.token';
  const PENDING = 'breachflow.sign-in';

  const b64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const random = (size) => b64url(crypto.getRandomValues(new Uint8Array(size)));
  const here = () => location.origin + location.pathname;

  async function config() {
    const response = await fetch('sign-in/config', {headers: {Accept: 'application/json'}});
    if (!response.ok) throw new Error('sign-in/config answered ' + response.status);
    return response.json();
  }

  function stored() {
    try {
      const token = JSON.parse(sessionStorage.getItem(TOKEN) || 'null');
      // A minute's margin: a token that runs out during a request is refused.
      return token && token.expiresAt - 60000 > Date.now() ? token.value : null;
    } catch (e) {
      return null;
    }
  }

  // To the provider's login page; it comes back here with ?code=…&state=….
  async function signIn() {
    const settings = await config();
    if (!window.crypto || !crypto.subtle) {
      throw new Error('signing in needs a secure context: open the dashboard over HTTPS, or on 127.0.0.1 / localhost');
    }
    const verifier = random(48);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    const state = random(16);
    sessionStorage.setItem(PENDING, JSON.stringify({verifier, state, back: location.search + location.hash}));
    const query = new URLSearchParams({
      response_type: 'code', client_id: settings.clientId, redirect_uri: here(), scope: settings.scope,
      state, code_challenge: b64url(new Uint8Array(digest)), code_challenge_method: 'S256'});
    location.assign(settings.authorizationEndpoint + '?' + query);
    return new Promise(() => {});   // the page is left
  }

  // Back from the provider: trade the code for a token (with the verifier only this tab knows).
  async function finishSignIn(params) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    if (!pending || pending.state !== params.get('state')) throw new Error('the sign-in answer does not match this tab');
    const settings = await config();
    const response = await fetch(settings.tokenEndpoint, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
      body: new URLSearchParams({grant_type: 'authorization_code', code: params.get('code'), redirect_uri: here(),
        client_id: settings.clientId, code_verifier: pending.verifier})});
    if (!response.ok) throw new Error('the identity provider refused the sign-in (' + response.status + ')');
    const answer = await response.json();
    sessionStorage.setItem(TOKEN, JSON.stringify({value: answer.access_token,
      expiresAt: Date.now() + 1000 * (answer.expires_in || 300)}));
    history.replaceState(null, '', location.pathname + (pending.back || ''));
    return answer.access_token;
  }

  async function token() {
    const params = new URLSearchParams(location.search);
    if (params.has('error')) throw new Error('sign-in failed: ' + params.get('error'));
    if (params.has('code') && params.has('state')) return finishSignIn(params);
    return stored() || signIn();
  }

  let current = null;
  const ready = () => (current = current || token());

  // fetch() with the bearer token; a 401 (token expired or revoked) signs in again.
  async function authorizedFetch(url, init) {
    const options = Object.assign({}, init);
    options.headers = Object.assign({}, options.headers, {Authorization: 'Bearer ' + await ready()});
    const response = await fetch(url, options);
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN);
      current = null;
      await signIn();
    }
    return response;
  }

  /*
   * Reads a text/event-stream with the bearer token: calls onEvent(name, data) per event, onOpen() once connected;
   * resolves when the server or the network ends it (the caller reconnects).
   */
  async function stream(url, onOpen, onEvent) {
    const response = await authorizedFetch(url, {headers: {Accept: 'text/event-stream'}});
    if (!response.ok || !response.body) throw new Error(url + ' answered ' + response.status);
    onOpen();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let name = 'message';
    let data = [];
    for (;;) {
      const {value, done} = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        if (line === '') {
          if (data.length) onEvent(name, data.join('\n'));
          name = 'message';
          data = [];
        } else if (line.startsWith('event:')) {
          name = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).replace(/^ /, ''));
        }   // comments (heartbeats), id: and retry: need nothing here
      }
    }
  }

  window.BreachflowAuth = {ready, fetch: authorizedFetch, stream};
})();
