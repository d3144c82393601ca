// The band at the top of a citizen's page (a form, a tracking page): where it is, its heading, and what follows the heading.
import { Box, Container, Title } from '@mantine/core';
import type { ReactNode, Ref } from 'react';
import catalog from '../catalog.module.css';
import portal from '../portal.module.css';
import { Crumbs } from '../PortalLayout';

type CrumbItems = Parameters<typeof Crumbs>[0]['items'];

export function PortalHero({ crumbs, title, headingRef, children }: { crumbs: CrumbItems; title: ReactNode; headingRef?: Ref<HTMLHeadingElement>; children?: ReactNode }) {
  return (
    <Box className={portal.hero}>
      <Container size="md" py={{ base: 20, sm: 28 }}>
        <Crumbs items={crumbs} />
        <Title order={1} className={catalog.title} {...(headingRef ? { ref: headingRef, tabIndex: -1 } : {})}>
          {title}
        </Title>
        {children}
      </Container>
    </Box>
  );
}
