import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './lib/i18n';
import './app/styles.css';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { StartupError } from './app/StartupError';
import { createApiClient } from './lib/api/client';
import { createUserManager, tokenSource } from './lib/auth/userManager';
import { loadRuntimeConfig } from './lib/config';

const root = createRoot(document.getElementById('root')!);

loadRuntimeConfig().then(
  (config) => {
    const userManager = createUserManager(config);
    root.render(
      <StrictMode>
        <App userManager={userManager} apiClient={createApiClient(tokenSource(userManager))} queryClient={createQueryClient()} />
      </StrictMode>,
    );
  },
  (error: unknown) => root.render(<StartupError error={error} />),
);
