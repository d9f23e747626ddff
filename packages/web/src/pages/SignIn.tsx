import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { useSession } from '../session.tsx';

export function SignIn() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const failure = await signIn(email.trim(), password);
    setBusy(false);
    if (failure) setError(failure);
  };

  return (
    <div className="sign-in">
      <form className="card form" onSubmit={submit} aria-describedby={error ? errorId : undefined}>
        <h1 className="page-title">{t('session.title')}</h1>
        <p className="muted">{t('session.intro')}</p>
        <label className="field">
          <span className="field-label">{t('session.email')}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            dir="ltr"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('session.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            dir="ltr"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p id={errorId} className="state state-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('session.signingIn') : t('session.signIn')}
        </button>
      </form>
    </div>
  );
}
