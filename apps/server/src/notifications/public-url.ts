// The address people open the app at, for links in messages (PUBLIC_URL).
// Set once at start (config); tests and scripts that never set it get the local default.
let current = 'http://127.0.0.1:3000';

export function setPublicUrl(url: string): void {
  current = url.replace(/\/+$/, '');
}

export function publicUrl(): string {
  return current;
}
