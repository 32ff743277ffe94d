import { Lightning } from '@lightningjs/sdk'
window.X = Lightning.Component
