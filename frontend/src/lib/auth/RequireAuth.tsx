import { useEffect, type ReactNode } from 'react';
import { useAuth, hasAuthParams } from 'react-oidc-context';
import { useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Renders its children only for a signed-in user. Anyone else is sent to Keycloak's own
 * login page (authorization code + PKCE); there is no login form in the app.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const { t } = useTranslation();
  // The router's location, not window.location: the two differ while a navigation is rendering.
  const location = useLocation();
  const inCallback = hasAuthParams({ search: location.search, hash: location.hash } as Location);
  const mustSignIn = !auth.isAuthenticated && !auth.isLoading && !auth.activeNavigator && !auth.error && !inCallback;

  useEffect(() => {
    if (mustSignIn) {
      void auth.signinRedirect({ url_state: window.location.pathname + window.location.search });
    }
  }, [mustSignIn, auth]);

  if (auth.error && !auth.isAuthenticated) {
    return (
      <Result
        status="warning"
        title={t('auth.failed')}
        subTitle={auth.error.message}
        extra={
          <Button type="primary" size="large" onClick={() => void auth.signinRedirect()}>
            {t('auth.signInAgain')}
          </Button>
        }
      />
    );
  }
  // The user is loaded a moment before the app has left Keycloak's redirect URL (/?code&state)
  // for the page the user came from: rendering now would start the wrong page's redirects.
  if (!auth.isAuthenticated || inCallback) {
    return (
      <div className="gg-center" role="status" aria-live="polite">
        <Spin size="large" />
        <span>{t('auth.signingIn')}</span>
      </div>
    );
  }
  return children;
}
